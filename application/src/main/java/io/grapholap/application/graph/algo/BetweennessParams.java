package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/**
 * Parameters of {@code betweenness}: {@code samples} ({@code null} for exact Brandes), the sampling
 * {@code seed}, an optional {@code weight} property and whether to normalise.
 */
public record BetweennessParams(Integer samples, long seed, String weight, boolean normalized)
        implements AlgorithmParams {

    public static final String NAME = "betweenness";

    static final ParamSpec SAMPLES = ParamSpec.ranged("samples", ParamType.INT, null, 1.0, false, null, false,
            "number of sampled sources (absent: exact, every vertex is a source)");
    static final ParamSpec SEED = ParamSpec.optional("seed", ParamType.LONG, 42L, "random seed for the sampled sources");
    static final ParamSpec WEIGHT = ParamSpec.optional("weight", ParamType.STRING, null,
            "name of the numeric edge property holding the weight (absent: unweighted)");
    static final ParamSpec NORMALIZED = ParamSpec.optional("normalized", ParamType.BOOLEAN, false,
            "divide by the number of vertex pairs ((n-1)(n-2), halved if undirected)");

    private static final Definition DEFINITION = new Definition();

    public BetweennessParams {
        SAMPLES.check(samples);
        WEIGHT.check(weight);
    }

    public boolean exact() {
        return samples == null;
    }

    @Override
    public AlgorithmDefinition<BetweennessParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<BetweennessParams> {
        public Definition() {
            super(NAME, BetweennessParams.class, "Betweenness centrality (Brandes). Exact, or estimated from 'samples' "
                    + "source vertices drawn with 'seed' and scaled by |V|/samples.",
                    List.of(SAMPLES, SEED, WEIGHT, NORMALIZED), List.of("betweenness"));
        }

        @Override
        protected BetweennessParams create(ParamValues v) {
            return new BetweennessParams(v.getIntOrNull("samples"), v.getLong("seed"), v.getString("weight"),
                    v.getBoolean("normalized"));
        }

        /** Per worker: distances, path counts, dependencies, order, queue/heap and a centrality array; the weights. */
        @Override
        protected long memoryBytes(GraphShape g, BetweennessParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 8L
                    + g.parallelism() * g.vertices() * (8L + 8L + 8L + 4L + 4L + 8L + 16L)
                    + (p.weight() == null ? 0 : g.arcWeights()) + 1024;
        }
    }
}
