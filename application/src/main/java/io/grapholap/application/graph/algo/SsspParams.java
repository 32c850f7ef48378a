package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/**
 * Parameters of {@code sssp}: the source vertex key and the weight property ({@code null}: the graph's
 * own weights, else the edge property {@code weight}).
 */
public record SsspParams(Object source, String weight) implements AlgorithmParams {

    public static final String NAME = "sssp";

    static final ParamSpec WEIGHT = ParamSpec.optional("weight", ParamType.STRING, null, "name of the numeric edge "
            + "property holding the weight (absent: the weights loaded with the graph, else the property 'weight')");

    private static final Definition DEFINITION = new Definition();

    public SsspParams {
        source = BfsParams.SOURCE.check(source);
        WEIGHT.check(weight);
    }

    @Override
    public AlgorithmDefinition<SsspParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<SsspParams> {
        public Definition() {
            super(NAME, SsspParams.class, "Single-source shortest paths over non-negative weights (LDBC Graphalytics "
                    + "SSSP) along out-edges; unreachable vertices get Infinity.",
                    List.of(BfsParams.SOURCE, WEIGHT), List.of("distance"));
        }

        @Override
        protected SsspParams create(ParamValues v) {
            return new SsspParams(v.get("source"), v.getString("weight"));
        }

        /** Distances (bits and result) and the buckets, which hold a few entries per vertex at most; the weights. */
        @Override
        protected long memoryBytes(GraphShape g, SsspParams p) {
            return 2 * g.vertexColumn() + g.vertices() * (8L + 8L + 12L) + g.arcWeights() + 1024;
        }
    }
}
