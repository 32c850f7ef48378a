package io.grapholap.application.function;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import java.util.List;
import java.util.Map;

/**
 * What user code may reach beyond its arguments, on behalf of the calling user: datasets and
 * running instances it may use, loading a dataset, and building a small graph from node and edge
 * lists. Graphs it hands out are owned by the session (closed or cached by it, not by user code).
 */
public interface FunctionSession {

    /** Datasets the caller may load, as plain maps ({@code id}, {@code version}, …). */
    List<Map<String, Object>> datasets();

    /** Running instances the caller may use, as plain maps ({@code id}, {@code name}, {@code engine}, …). */
    List<Map<String, Object>> instances();

    /** The graph of dataset {@code datasetId}, loaded on the session's engine. */
    GraphInstance loadDataset(String datasetId);

    /** The graph of running instance {@code instanceId}. */
    GraphInstance instance(long instanceId);

    /**
     * A graph built from plain lists: nodes {@code {"id", "label"?, …properties}} (ids unique within a
     * label), edges {@code {"source", "target", "type"?, …properties}} (endpoints by identity
     * {@code "Label:id"} or by an id one label holds); bounded by the session's size limit.
     */
    GraphInstance buildGraph(List<Map<String, Object>> nodes, List<Map<String, Object>> edges);

    /**
     * Runs algorithm {@code algorithm} with raw {@code params} on {@code graph}, a graph this run
     * holds, checked and estimated as the HTTP API does; on a running instance it takes the
     * instance's algorithm lock (409 {@code RESOURCE_LOCKED} while another run holds it) and leaves
     * an execution record whose id is in the result's stats ({@code execution_id}). {@code cancel}
     * stops it.
     */
    AlgorithmResult runAlgorithm(GraphInstance graph, String algorithm, Map<String, Object> params,
                                 CancellationToken cancel);
}
