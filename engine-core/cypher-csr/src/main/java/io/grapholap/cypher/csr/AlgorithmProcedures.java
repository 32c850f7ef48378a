package io.grapholap.cypher.csr;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.cypher.eval.Values;
import io.grapholap.cypher.exec.Procedures;
import io.grapholap.cypher.exec.RowBudget;
import io.grapholap.domain.error.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The algorithms of the catalog as the procedures {@code grapholap.<algorithm>}: one argument,
 * {@code config}, the map of parameters the algorithm endpoint takes ({@code {}} for the defaults); the fields are the algorithm's result columns
 * ({@code id}, {@code label}, {@code key}, then its values) and {@code node}, the node itself, to match
 * patterns from. A node given as a parameter value (a source vertex) is passed as its identity.
 */
final class AlgorithmProcedures implements Procedures {

    /** The namespace of our procedures. */
    static final String PREFIX = "grapholap.";

    /** The extra field that holds a result row's node. */
    static final String NODE = "node";

    /** The one input: the map of the algorithm's parameters ({@code {}} for its defaults). */
    static final String CONFIG = "config";

    private final AlgorithmCalls calls;
    private final CsrCypherGraph graph;
    private final CancellationToken cancel;

    AlgorithmProcedures(AlgorithmCalls calls, CsrCypherGraph graph, CancellationToken cancel) {
        this.calls = calls;
        this.graph = graph;
        this.cancel = cancel;
    }

    @Override
    public Optional<Signature> signature(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> columns;
        try {
            columns = calls.columns(name.substring(PREFIX.length()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<Field> outputs = new ArrayList<>();
        for (String c : columns) {
            outputs.add(new Field(c, c.equals("id") || c.equals("label") ? Type.STRING : Type.ANY));
        }
        if (columns.contains("id")) {
            outputs.add(new Field(NODE, Type.NODE));
        }
        return Optional.of(Signature.of(List.of(new Field(CONFIG, Type.MAP)), outputs));
    }

    @Override
    public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
        String algorithm = name.substring(PREFIX.length());
        Map<String, Object> params = new LinkedHashMap<>();
        if (!arguments.isEmpty() && arguments.get(0) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), parameter(v)));
        }
        AlgorithmResult result = calls.call(algorithm, params, cancel);
        budget.hold(result.rowCount());
        List<String> columns = result.columns();
        List<Column> data = result.data();
        boolean withNode = columns.contains("id");
        Column ids = withNode ? result.column("id") : null;
        List<Map<String, Object>> records = new ArrayList<>(result.rowCount());
        for (int row = 0; row < result.rowCount(); row++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                record.put(columns.get(c), CsrCypherGraph.value(data.get(c), row));
            }
            if (withNode) {
                long node = graph.nodeWithIdentity(ids.get(row));
                record.put(NODE, node < 0 ? null : new Values.Node(node));
            }
            records.add(record);
        }
        return records;
    }

    /** A parameter value as the algorithm endpoint takes it: a node by its identity. */
    private Object parameter(Object v) {
        return switch (v) {
            case Values.Node n -> graph.nodeIdentity(n.id());
            case List<?> l -> l.stream().map(this::parameter).toList();
            case null, default -> v;
        };
    }
}
