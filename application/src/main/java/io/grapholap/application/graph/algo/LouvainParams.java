package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/**
 * Parameters of {@code louvain}: sweeps per level, maximum levels, the modularity-gain tolerance and
 * an optional weight property ({@code null}: every edge weighs 1).
 */
public record LouvainParams(int iterations, int levels, double tolerance, String weight) implements AlgorithmParams {

    public static final String NAME = "louvain";

    static final ParamSpec ITERATIONS = ParamSpec.ranged("iterations", ParamType.INT, 10, 1.0, false, 1000.0, false,
            "maximum local-moving sweeps per level");
    static final ParamSpec LEVELS = ParamSpec.ranged("levels", ParamType.INT, 10, 1.0, false, 100.0, false,
            "maximum number of aggregation levels");
    static final ParamSpec TOLERANCE = ParamSpec.ranged("tolerance", ParamType.DOUBLE, 1e-6, 0.0, false, 1.0, false,
            "minimum modularity gain for another sweep or level");
    static final ParamSpec WEIGHT = ParamSpec.optional("weight", ParamType.STRING, null,
            "name of the numeric edge property holding the weight (absent: every edge 1)");

    private static final Definition DEFINITION = new Definition();

    public LouvainParams {
        ITERATIONS.check(iterations);
        LEVELS.check(levels);
        TOLERANCE.check(tolerance);
        WEIGHT.check(weight);
    }

    @Override
    public AlgorithmDefinition<LouvainParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<LouvainParams> {
        public Definition() {
            super(NAME, LouvainParams.class, "Louvain community detection (edges undirected); the modularity reached "
                    + "is reported in the stats.",
                    List.of(ITERATIONS, LEVELS, TOLERANCE, WEIGHT), List.of("community"));
        }

        @Override
        protected LouvainParams create(ParamValues v) {
            return new LouvainParams(v.getInt("iterations"), v.getInt("levels"), v.getDouble("tolerance"),
                    v.getString("weight"));
        }

        /** The symmetric weighted level graph (int + double per entry), a few vertex arrays, the weights. */
        @Override
        protected long memoryBytes(GraphShape g, LouvainParams p) {
            return 2 * g.vertexColumn() + g.arcs() * 2 * 12L + g.vertices() * 48L
                    + (p.weight() == null ? 0 : g.arcWeights()) + 1024;
        }
    }
}
