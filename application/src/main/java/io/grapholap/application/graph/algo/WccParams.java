package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** {@code wcc} takes no parameters. */
public record WccParams() implements AlgorithmParams {

    public static final String NAME = "wcc";

    private static final Definition DEFINITION = new Definition();

    @Override
    public AlgorithmDefinition<WccParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<WccParams> {
        public Definition() {
            super(NAME, WccParams.class, "Weakly connected components (LDBC Graphalytics WCC), edge direction ignored. "
                    + "Each vertex is labelled with the smallest vertex key of its component (with non-integer keys: "
                    + "the key of the component's first vertex in load order).",
                    List.of(), List.of("component"));
        }

        @Override
        protected WccParams create(ParamValues v) {
            return new WccParams();
        }

        /** One parent array and the result. */
        @Override
        protected long memoryBytes(GraphShape g, WccParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 4L + 1024;
        }
    }
}
