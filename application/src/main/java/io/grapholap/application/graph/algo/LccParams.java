package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** {@code lcc} takes no parameters. */
public record LccParams() implements AlgorithmParams {

    public static final String NAME = "lcc";

    private static final Definition DEFINITION = new Definition();

    @Override
    public AlgorithmDefinition<LccParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<LccParams> {
        public Definition() {
            super(NAME, LccParams.class, "Local clustering coefficient (LDBC Graphalytics LCC): the fraction of "
                    + "possible edges present among a vertex's neighbours (in- and out-neighbours on a directed graph, "
                    + "where edges are counted in each direction); 0 below two neighbours.",
                    List.of(), List.of("lcc"));
        }

        @Override
        protected LccParams create(ParamValues v) {
            return new LccParams();
        }

        /** The simple undirected graph with direction masks (twice, while it is built), its forward half, counts. */
        @Override
        protected long memoryBytes(GraphShape g, LccParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 32L + g.arcs() * 2 * (5L + 5L) + g.arcs() * 5L + 1024;
        }
    }
}
