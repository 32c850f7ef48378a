package io.grapholap.cypher.csr;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.cypher.CypherSemanticException;
import io.grapholap.cypher.CypherSyntaxException;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Values;
import io.grapholap.cypher.exec.CypherExecutor;
import io.grapholap.cypher.exec.CypherQueries;
import io.grapholap.cypher.exec.ReadOnlyQueryException;
import io.grapholap.cypher.exec.RowBudget;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.QueryException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.PropertyIndexes;
import io.grapholap.graph.csr.QueryThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs Cypher queries on one loaded graph, each on a thread of the instance's query executor
 * ({@link QueryThreads}: queue time counts against the timeout, a full queue is a 429). Past its timeout a
 * query's thread is interrupted, the matcher sees it within a few thousand steps and stops, and the caller
 * gets an {@link OperationTimeoutException}; an algorithm the query called stops through its cancellation
 * token. At most {@link QueryLimits#maxRows()} rows come back ({@code truncated} when there were more);
 * an intermediate result past {@link QueryLimits#maxHeldRows()} rows is a 400
 * {@code QUERY_ROW_LIMIT_EXCEEDED}.
 *
 * <p>Errors are {@link QueryException}s with field {@code query}: {@code QUERY_SYNTAX_ERROR} (line, column,
 * token), {@code READ_ONLY_QUERY} (the clause), and for semantic errors (found before the query runs,
 * with line and column) and run-time errors the openCypher error name in upper snake case
 * ({@code UNDEFINED_VARIABLE}, {@code INVALID_ARGUMENT_TYPE}, …) with the name itself in {@code cypher_error}; {@code QUERY_TOO_DEEP} for a walk deeper than a thread's stack (an
 * unbounded variable-length relationship along a long chain).
 */
public final class CypherRunner {

    /** The setting that bounds the rows a query may hold, named in {@code QUERY_ROW_LIMIT_EXCEEDED}. */
    public static final String HELD_ROWS_SETTING = "grapholap.dataplane.max-held-rows";

    private final CsrCypherGraph graph;
    private final Executor threads;

    public CypherRunner(CsrGraph csr, PropertyIndexes indexes, Executor threads) {
        this.graph = new CsrCypherGraph(csr, indexes);
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    public QueryResult execute(String query, Map<String, Object> parameters, QueryLimits limits, AlgorithmCalls calls) {
        QueryLimits bounds = limits == null ? QueryLimits.defaults() : limits;
        Map<String, Object> params = new LinkedHashMap<>();
        (parameters == null ? Map.<String, Object>of() : parameters).forEach((k, v) -> params.put(k, Values.of(v)));
        CancellationToken cancel = CancellationToken.withTimeout(bounds.timeout());
        long started = System.nanoTime();
        AlgorithmCalls reached = calls == null ? AlgorithmCalls.NONE : calls;
        return QueryThreads.run(threads, () -> run(query, params, bounds, reached, cancel, started), bounds.timeout(),
                "cypher query", () -> cancel.cancel("the query stopped"), failure -> translate(failure, bounds));
    }

    private QueryResult run(String query, Map<String, Object> params, QueryLimits limits, AlgorithmCalls calls,
                            CancellationToken cancel, long started) {
        RowBudget budget = new RowBudget(limits.maxHeldRows(), () -> Thread.currentThread().isInterrupted() || cancel.isCancelled());
        CypherExecutor.Result result = CypherQueries.run(graph, new AlgorithmProcedures(calls, graph, cancel), query, params, budget);
        int kept = Math.min(result.rows().size(), limits.maxRows());
        List<List<Object>> rows = new ArrayList<>(kept);
        for (List<Object> row : result.rows().subList(0, kept)) {
            List<Object> plain = new ArrayList<>(row.size());
            for (Object v : row) {
                plain.add(CypherValues.toPlain(v, graph));
            }
            rows.add(plain);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new QueryResult(result.columns(), rows, result.rows().size() > kept, millis);
    }

    private static RuntimeException translate(Throwable failure, QueryLimits limits) {
        return switch (failure) {
            case DomainException d -> d;
            case CypherSyntaxException e -> new QueryException("QUERY_SYNTAX_ERROR", e.getMessage(), Map.of("field", "query",
                    "line", e.line(), "column", e.column(), "token", e.token(), "cypher_error", e.detail()));
            case ReadOnlyQueryException e -> new QueryException("READ_ONLY_QUERY", e.getMessage(), Map.of("field", "query",
                    "clause", e.clause(), "line", e.position().line(), "column", e.position().column()));
            case RowBudget.CypherLimitException e -> new QueryException("QUERY_ROW_LIMIT_EXCEEDED", e.getMessage(),
                    Map.of("field", "query", "limit", HELD_ROWS_SETTING, "max_rows", e.limit()));
            case RowBudget.CypherStoppedException e -> new OperationTimeoutException("cypher query", limits.timeout());
            case CypherSemanticException e -> new QueryException(snake(e.code()), e.getMessage(), Map.of("field", "query",
                    "cypher_error", e.code(), "line", e.line(), "column", e.column()));
            case CypherRuntimeException e -> new QueryException(snake(e.code()), e.getMessage(), Map.of("field", "query",
                    "cypher_error", e.code()));
            case ArithmeticException e -> new QueryException("ARITHMETIC_ERROR", "query failed: " + e.getMessage(),
                    Map.of("field", "query"));
            case RuntimeException r -> r;
            case StackOverflowError e -> new QueryException("QUERY_TOO_DEEP", "the query's paths or expressions nest too deeply "
                    + "to be followed; give variable-length relationships an upper bound, e.g. [:TYPE*1..10]",
                    Map.of("field", "query"));
            case Error err -> throw err;
            default -> new IllegalStateException(failure);
        };
    }

    /** {@code UndefinedVariable} → {@code UNDEFINED_VARIABLE}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
