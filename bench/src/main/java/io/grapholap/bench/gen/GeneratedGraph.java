package io.grapholap.bench.gen;

import java.util.Objects;

/**
 * A generated directed graph in compressed sparse row form: the out-neighbours of vertex {@code v} are
 * {@code targets[offsets[v] .. offsets[v + 1])}, sorted ascending, without self-loops or duplicate arcs.
 * {@code weights} is parallel to {@code targets} (positive), or null for an unweighted graph.
 *
 * <p>The arrays are handed over, not copied: the generators build them once and the engines under
 * test wrap them (our CSR) or copy them into their own structures (the peers).
 */
public record GeneratedGraph(String name, int vertexCount, int[] offsets, int[] targets, float[] weights) {

    public GeneratedGraph {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(targets, "targets");
        if (vertexCount < 0 || offsets.length != vertexCount + 1) {
            throw new IllegalArgumentException("offsets must have vertexCount + 1 entries");
        }
        if (offsets[vertexCount] != targets.length) {
            throw new IllegalArgumentException("offsets[vertexCount] must equal the number of targets");
        }
        if (weights != null && weights.length != targets.length) {
            throw new IllegalArgumentException("weights must be parallel to targets");
        }
    }

    public long arcCount() {
        return targets.length;
    }

    public int outDegree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** The same graph with the given arc weights attached. */
    public GeneratedGraph withWeights(float[] arcWeights) {
        return new GeneratedGraph(name, vertexCount, offsets, targets, arcWeights);
    }
}
