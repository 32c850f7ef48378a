package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** {@code triangle_count} takes no parameters. */
public record TriangleCountParams() implements AlgorithmParams {

    public static final String NAME = "triangle_count";

    private static final Definition DEFINITION = new Definition();

    @Override
    public AlgorithmDefinition<TriangleCountParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<TriangleCountParams> {
        public Definition() {
            super(NAME, TriangleCountParams.class, "Triangles through each vertex, edge direction and multiplicity "
                    + "ignored; the total is in the stats.", List.of(), List.of("triangles"));
        }

        @Override
        protected TriangleCountParams create(ParamValues v) {
            return new TriangleCountParams();
        }

        /** The simple undirected graph, its forward half, and the counts. */
        @Override
        protected long memoryBytes(GraphShape g, TriangleCountParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 24L + g.arcs() * 8L * 2 + 1024;
        }
    }
}
