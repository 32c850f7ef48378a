package io.grapholap.cypher.csr;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Values;
import io.grapholap.cypher.exec.Procedures;
import io.grapholap.cypher.exec.RowBudget;
import io.grapholap.domain.error.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The algorithms of the catalog as the procedures {@code grapholap.<algorithm>}: one optional argument,
 * the map of parameters the algorithm endpoint takes; the fields are the algorithm's result columns
 * ({@code id}, {@code label}, {@code key}, then its values) and {@code node}, the node itself, to match
 * patterns from. A node given as a parameter value (a source vertex) is passed as its identity.
 */
final class AlgorithmProcedures implements Procedures {

    /** The namespace of our procedures. */
    static final String PREFIX = "grapholap.";

    /** The extra field that holds a result row's node. */
    static final String NODE = "node";

    private final AlgorithmCalls calls;
    private final CsrCypherGraph graph;
    private final CancellationToken cancel;

    AlgorithmProcedures(AlgorithmCalls calls, CsrCypherGraph graph, CancellationToken cancel) {
        this.calls = calls;
        this.graph = graph;
        this.cancel = cancel;
    }

    private String algorithm(String name) {
        if (!name.startsWith(PREFIX)) {
            throw new CypherRuntimeException("ProcedureNotFound", "there is no procedure " + name
                    + "; the algorithms are procedures grapholap.<algorithm> (GET /api/algorithms lists them)");
        }
        return name.substring(PREFIX.length());
    }

    @Override
    public List<String> fields(String name) {
        String algorithm = algorithm(name);
        try {
            List<String> fields = new ArrayList<>(calls.columns(algorithm));
            if (fields.contains("id")) {
                fields.add(NODE);
            }
            return fields;
        } catch (NotFoundException e) {
            throw new CypherRuntimeException("ProcedureNotFound", "there is no algorithm " + algorithm
                    + " (GET /api/algorithms lists them)");
        }
    }

    @Override
    public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
        String algorithm = algorithm(name);
        if (arguments.size() > 1 || (arguments.size() == 1 && arguments.get(0) != null && !(arguments.get(0) instanceof Map<?, ?>))) {
            throw new CypherRuntimeException("InvalidArgumentType", name + " takes one map of parameters, e.g. "
                    + name + "({max_iterations: 20})");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (arguments.size() == 1 && arguments.get(0) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), parameter(v)));
        }
        AlgorithmResult result = calls.call(algorithm, params, cancel);
        if (result.rowCount() > budget.maxRows()) {
            throw new CypherRuntimeException("RowLimitExceeded", name + " returned " + result.rowCount()
                    + " rows, more than the " + budget.maxRows() + " a query may hold");
        }
        List<String> columns = result.columns();
        List<Column> data = new ArrayList<>();
        for (String c : columns) {
            data.add(result.column(c));
        }
        boolean withNode = columns.contains("id");
        Column ids = withNode ? result.column("id") : null;
        List<Map<String, Object>> records = new ArrayList<>((int) result.rowCount());
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
