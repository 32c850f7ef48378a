package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** Parameters of {@code cdlp}: a fixed iteration count in [1, 1000]. */
public record CdlpParams(int iterations) implements AlgorithmParams {

    public static final String NAME = "cdlp";

    static final ParamSpec ITERATIONS = ParamSpec.ranged("iterations", ParamType.INT, 10, 1.0, false, 1000.0, false,
            "number of iterations");

    private static final Definition DEFINITION = new Definition();

    public CdlpParams {
        ITERATIONS.check(iterations);
    }

    @Override
    public AlgorithmDefinition<CdlpParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<CdlpParams> {
        public Definition() {
            super(NAME, CdlpParams.class, "Community detection by synchronous label propagation (LDBC Graphalytics "
                    + "CDLP): labels start as the vertex keys; each iteration a vertex takes the most frequent label "
                    + "among its in- and out-neighbours, the smallest on a tie (with non-integer keys labels are "
                    + "ordered by load order and reported as keys).",
                    List.of(ITERATIONS), List.of("community"));
        }

        @Override
        protected CdlpParams create(ParamValues v) {
            return new CdlpParams(v.getInt("iterations"));
        }

        /** Two label arrays plus one neighbour-label buffer per worker (bounded by the largest degree), the result. */
        @Override
        protected long memoryBytes(GraphShape g, CdlpParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 16L + 1024;
        }
    }
}
