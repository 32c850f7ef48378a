package io.grapholap.application.graph.algo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server knows about one algorithm, declared once: its name and description, its
 * parameters (types, defaults, ranges), the columns of its result (the first is the original vertex
 * key {@code id}, the second the value a summary reads and a mutate stores), how its parameter record
 * is made from checked values, and how much host memory a run takes beyond the loaded graph.
 *
 * <p>A definition is a nested class {@code Definition} of its parameter record and is listed in
 * {@code META-INF/services/io.grapholap.application.graph.algo.AlgorithmDefinition}, where
 * {@link AlgorithmRegistry} finds it. Definitions are stateless: two instances of one are equal.
 */
public abstract class AlgorithmDefinition<P extends AlgorithmParams> {

    private final String name;
    private final Class<P> type;
    private final String description;
    private final List<ParamSpec> params;
    private final List<String> resultColumns;

    protected AlgorithmDefinition(String name, Class<P> type, String description, List<ParamSpec> params,
                                  List<String> resultColumns) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.params = List.copyOf(params);
        this.resultColumns = List.copyOf(resultColumns);
        if (this.resultColumns.size() < 2 || !this.resultColumns.getFirst().equals("id")) {
            throw new IllegalArgumentException(name + ": a result has the column id and at least one value column");
        }
    }

    /** Builds the parameter record from values already checked against {@link #params()}. */
    protected abstract P create(ParamValues values);

    /**
     * Bytes a run allocates on the host beyond the loaded graph: working arrays plus the result
     * columns, on a graph of {@code graph}'s size. Checked against the free memory before every run.
     */
    protected abstract long memoryBytes(GraphShape graph, P params);

    /** Whether the result has one row per vertex (only such a result can be stored by mode mutate). */
    protected boolean rowPerVertex(P params) {
        return true;
    }

    public final String name() {
        return name;
    }

    public final Class<P> type() {
        return type;
    }

    public final String description() {
        return description;
    }

    public final List<ParamSpec> params() {
        return params;
    }

    public final List<String> resultColumns() {
        return resultColumns;
    }

    /** The column a summary reads and a mutate stores: the first after {@code id}. */
    public final String valueColumn() {
        return resultColumns.get(1);
    }

    public final Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** Checks {@code raw} (JSON values or {@code key=value} strings) and builds the parameter record. */
    public final P parse(Map<String, ?> raw) {
        return create(ParamValues.check("algorithm " + name, params, raw));
    }

    /** {@link #memoryBytes} for parameters of this algorithm given as their common interface. */
    public final long memoryBytesOf(GraphShape graph, AlgorithmParams params) {
        return memoryBytes(graph, type.cast(params));
    }

    /** {@link #rowPerVertex} for parameters of this algorithm given as their common interface. */
    public final boolean rowPerVertexOf(AlgorithmParams params) {
        return rowPerVertex(type.cast(params));
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof AlgorithmDefinition<?> d && d.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "algorithm " + name;
    }
}
