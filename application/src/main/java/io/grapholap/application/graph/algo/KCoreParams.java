package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import java.util.List;

/** Parameters of {@code kcore}: an optional {@code k}; when set only the k-core's vertices are returned. */
public record KCoreParams(Integer k) implements AlgorithmParams {

    public static final String NAME = "kcore";

    static final ParamSpec K = ParamSpec.ranged("k", ParamType.INT, null, 0.0, false, null, false,
            "return only vertices whose core number is at least k");

    private static final Definition DEFINITION = new Definition();

    public KCoreParams {
        K.check(k);
    }

    @Override
    public AlgorithmDefinition<KCoreParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<KCoreParams> {
        public Definition() {
            super(NAME, KCoreParams.class, "Core number of each vertex (edge direction ignored). With 'k', only the "
                    + "vertices of the k-core are returned.", List.of(K), List.of("core"));
        }

        @Override
        protected KCoreParams create(ParamValues v) {
            return new KCoreParams(v.getIntOrNull("k"));
        }

        /** The simple undirected graph and four vertex arrays. */
        @Override
        protected long memoryBytes(GraphShape g, KCoreParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 20L + g.arcs() * 8L + 1024;
        }

        /** With {@code k} only the k-core's vertices are returned. */
        @Override
        protected boolean rowPerVertex(KCoreParams p) {
            return p.k() == null;
        }
    }
}
