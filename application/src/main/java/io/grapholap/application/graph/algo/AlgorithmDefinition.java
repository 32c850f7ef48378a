package io.grapholap.application.graph.algo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server knows about one algorithm, declared once: its name and description, its
 * parameters (types, defaults, ranges), the columns of its result ({@link #VERTEX_COLUMNS} first, which
 * name the row's vertex as docs/identity.md says, then the algorithm's own columns, the first of them
 * the value a summary reads and a mutate stores), how its parameter record
 * is made from checked values, and how much host memory a run takes beyond the loaded graph.
 *
 * <p>A definition is a nested class {@code Definition} of its parameter record and is listed in
 * {@code META-INF/services/io.grapholap.application.graph.algo.AlgorithmDefinition}, where
 * {@link AlgorithmRegistry} finds it. Definitions are stateless: two instances of one are equal.
 */
public abstract class AlgorithmDefinition<P extends AlgorithmParams> {

    /**
     * The first columns of every result: {@code id} (the vertex's identity {@code "Label:key"}),
     * {@code label} and {@code key} (its original key, in its own type).
     */
    public static final List<String> VERTEX_COLUMNS = List.of("id", "label", "key");

    private final String name;
    private final Class<P> type;
    private final String description;
    private final List<ParamSpec> params;
    private final List<String> resultColumns;

    /**
     * @param valueColumns the algorithm's own result columns, after {@link #VERTEX_COLUMNS}; the first
     *                     is the value a summary reads and a mutate stores
     */
    protected AlgorithmDefinition(String name, Class<P> type, String description, List<ParamSpec> params,
                                  List<String> valueColumns) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.params = List.copyOf(params);
        if (valueColumns.isEmpty() || valueColumns.stream().anyMatch(VERTEX_COLUMNS::contains)) {
            throw new IllegalArgumentException(name + ": a result has at least one value column, none named "
                    + VERTEX_COLUMNS);
        }
        var columns = new java.util.ArrayList<>(VERTEX_COLUMNS);
        columns.addAll(valueColumns);
        this.resultColumns = List.copyOf(columns);
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

    /** The column a summary reads and a mutate stores: the first after {@link #VERTEX_COLUMNS}. */
    public final String valueColumn() {
        return resultColumns.get(VERTEX_COLUMNS.size());
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
