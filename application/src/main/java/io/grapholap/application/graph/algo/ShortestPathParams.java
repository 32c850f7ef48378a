package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/**
 * Parameters of {@code shortest_path}: {@code source} and {@code target} vertices, an optional
 * {@code weight} property ({@code null}: hop count) and the most equally short paths to return.
 */
public record ShortestPathParams(Object source, Object target, String weight, int maxPaths)
        implements AlgorithmParams {

    public static final String NAME = "shortest_path";

    static final ParamSpec TARGET = ParamSpec.required("target", ParamType.VERTEX,
            "the end vertex, named as the source is");
    static final ParamSpec WEIGHT = ParamSpec.optional("weight", ParamType.STRING, null,
            "name of the numeric edge property holding the weight (absent: hop count)");
    static final ParamSpec MAX_PATHS = ParamSpec.ranged("max_paths", ParamType.INT, 1, 1.0, false, 10000.0, false,
            "how many equally short paths to return at most");

    private static final Definition DEFINITION = new Definition();

    public ShortestPathParams {
        source = BfsParams.SOURCE.check(source);
        target = TARGET.check(target);
        WEIGHT.check(weight);
        MAX_PATHS.check(maxPaths);
    }

    @Override
    public AlgorithmDefinition<ShortestPathParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<ShortestPathParams> {
        public Definition() {
            super(NAME, ShortestPathParams.class, "Shortest path(s) from 'source' to 'target' along out-edges: one row "
                    + "per vertex on a path, in order, with the cumulative distance. Hop count without 'weight'.",
                    List.of(BfsParams.SOURCE, TARGET, WEIGHT, MAX_PATHS), List.of("distance", "path", "step"));
        }

        @Override
        protected ShortestPathParams create(ParamValues v) {
            return new ShortestPathParams(v.get("source"), v.get("target"), v.getString("weight"), v.getInt("max_paths"));
        }

        /** Distances, settled flags, the heap or queue and the predecessor lists; the weights. */
        @Override
        protected long memoryBytes(GraphShape g, ShortestPathParams p) {
            return g.vertices() * (8L + 1L + 16L + 8L) + (p.weight() == null ? 0 : g.arcWeights()) + 1024;
        }

        /** One row per vertex on a path, not per vertex of the graph. */
        @Override
        protected boolean rowPerVertex(ShortestPathParams p) {
            return false;
        }
    }
}
