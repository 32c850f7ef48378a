package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** Parameters of {@code bfs}: the source vertex (a reference as {@link ParamType#VERTEX} says). */
public record BfsParams(Object source) implements AlgorithmParams {

    public static final String NAME = "bfs";

    /** The depth of a vertex BFS cannot reach, as LDBC Graphalytics writes it. */
    public static final long UNREACHABLE = Long.MAX_VALUE;

    static final ParamSpec SOURCE = ParamSpec.required("source", ParamType.VERTEX,
            "the start vertex: its identity \"Label:key\", {\"label\", \"key\"}, or a key that one label holds (docs/identity.md)");

    private static final Definition DEFINITION = new Definition();

    public BfsParams {
        source = SOURCE.check(source);
    }

    @Override
    public AlgorithmDefinition<BfsParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<BfsParams> {
        public Definition() {
            super(NAME, BfsParams.class, "Breadth-first search (LDBC Graphalytics BFS): the hop depth of every vertex "
                    + "from the source along out-edges; unreachable vertices get " + UNREACHABLE + ".",
                    List.of(SOURCE), List.of("depth"));
        }

        @Override
        protected BfsParams create(ParamValues v) {
            return new BfsParams(v.get("source"));
        }

        /** Depths, two frontier queues and two frontier bitmaps, and the result. */
        @Override
        protected long memoryBytes(GraphShape g, BfsParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 12L + 2 * (g.vertices() / 8 + 8) + 1024;
        }
    }
}
