package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.Column;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.ResultColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link CpuKernel}: the graph and its topology (no copy), the threads and termination
 * flag, throttled progress, and the result being built (column names, columns, figures).
 */
public final class CpuRun {

    final CsrGraph graph;
    final Topology topology;
    final Parallel parallel;
    final Progress progress;
    final List<String> names = new ArrayList<>();
    final List<Column> columns = new ArrayList<>();
    final Map<String, Object> stats = new LinkedHashMap<>();

    CpuRun(CsrGraph graph, Topology topology, Parallel parallel, Progress progress) {
        this.graph = graph;
        this.topology = topology;
        this.parallel = parallel;
        this.progress = progress;
    }

    public CsrGraph graph() {
        return graph;
    }

    public Topology topology() {
        return topology;
    }

    public Parallel parallel() {
        return parallel;
    }

    public Progress progress() {
        return progress;
    }

    /** The dense id of the vertex {@code ref} names (docs/identity.md), or a validation error naming {@code param}. */
    public int vertex(String param, Object ref) {
        return ResultColumns.vertex(graph, param, ref);
    }

    /** The topology with the per-arc weights of edge property {@code property} (checked non-negative). */
    public Topology weighted(String property) {
        double[] w = graph.outWeights(property, 1.0);
        Topology t = topology.withWeights(w);
        Sssp.requireNonNegative(t, parallel, property);
        return t;
    }

    /** The topology weighted by {@code property}, or unweighted when it is {@code null}. */
    public Topology weightedOrPlain(String property) {
        return property == null ? topology : weighted(property);
    }

    /** Adds the vertex columns ({@code id}, {@code label}, {@code key}) and one value column, one row per vertex. */
    public void perVertex(String valueName, Column values) {
        ResultColumns.perVertex(graph, names, columns, valueName, values);
    }

    /** Adds the vertex columns ({@code id}, {@code label}, {@code key}) for rows naming the vertices {@code ids}. */
    public void vertexColumns(int[] ids) {
        ResultColumns.vertexColumns(graph, names, columns, ids);
    }

    /** Adds one column of any length (all columns of a result have the same length). */
    public void column(String name, Column values) {
        names.add(name);
        columns.add(values);
    }

    public void stat(String name, Object value) {
        stats.put(name, value);
    }
}
