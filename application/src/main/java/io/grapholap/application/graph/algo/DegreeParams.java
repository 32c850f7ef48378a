package io.grapholap.application.graph.algo;

import com.google.auto.service.AutoService;
import io.grapholap.domain.error.ValidationException;

import java.util.List;
import java.util.Locale;

/** Parameters of {@code degree}: which edges to count. */
public record DegreeParams(Direction direction) implements AlgorithmParams {

    public static final String NAME = "degree";

    static final ParamSpec DIRECTION = ParamSpec.choice("direction", "out", List.of("in", "out", "both"),
            "in, out or both (on an undirected graph all three count each edge once)");

    private static final Definition DEFINITION = new Definition();

    /** In-edges, out-edges or both. */
    public enum Direction {
        IN, OUT, BOTH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DegreeParams {
        if (direction == null) {
            throw new ValidationException("direction", "parameter 'direction' must be one of " + DIRECTION.allowed());
        }
    }

    @Override
    public AlgorithmDefinition<DegreeParams> definition() {
        return DEFINITION;
    }

    @AutoService(AlgorithmDefinition.class)
    public static final class Definition extends AlgorithmDefinition<DegreeParams> {
        public Definition() {
            super(NAME, DegreeParams.class, "Number of edges at each vertex in the given direction.",
                    List.of(DIRECTION), List.of("degree"));
        }

        @Override
        protected DegreeParams create(ParamValues v) {
            return new DegreeParams(Direction.valueOf(v.getString("direction").toUpperCase(Locale.ROOT)));
        }

        @Override
        protected long memoryBytes(GraphShape g, DegreeParams p) {
            return 2 * g.vertexColumn() + g.vertices() * 8L + 1024;
        }
    }
}
