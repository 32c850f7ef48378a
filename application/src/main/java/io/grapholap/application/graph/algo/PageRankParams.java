package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** Parameters of {@code pagerank}: damping in (0, 1) and a fixed iteration count in [1, 1000]. */
public record PageRankParams(double damping, int iterations) implements AlgorithmParams {

    public static final String NAME = "pagerank";

    static final ParamSpec DAMPING = ParamSpec.ranged("damping", ParamType.DOUBLE, 0.85, 0.0, true, 1.0, true,
            "damping factor d");
    static final ParamSpec ITERATIONS = ParamSpec.ranged("iterations", ParamType.INT, 20, 1.0, false, 1000.0, false,
            "number of iterations");

    private static final Definition DEFINITION = new Definition();

    public PageRankParams {
        DAMPING.check(damping);
        ITERATIONS.check(iterations);
    }

    @Override
    public AlgorithmDefinition<PageRankParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<PageRankParams> {
        public Definition() {
            super(NAME, PageRankParams.class, "PageRank (LDBC Graphalytics PR): a fixed number of iterations starting "
                    + "from 1/|V|; the rank of dangling vertices (no out-edges) is spread uniformly over all vertices.",
                    List.of(DAMPING, ITERATIONS), List.of("rank"));
        }

        @Override
        protected PageRankParams create(ParamValues v) {
            return new PageRankParams(v.getDouble("damping"), v.getInt("iterations"));
        }

        /** The ranks (double), one contribution array (float) and the result. */
        @Override
        protected long memoryBytes(GraphShape g, PageRankParams p) {
            return 2 * g.vertexColumn() + g.vertices() * (8L + 4L) + 1024;
        }
    }
}
