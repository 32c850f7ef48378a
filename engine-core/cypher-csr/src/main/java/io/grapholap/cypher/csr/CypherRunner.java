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
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.QueryException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.PropertyIndexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Cypher queries on one loaded graph, each on a thread of the instance's query executor (queue time
 * counts against the timeout; a full queue is a 429 {@code QUERY_QUEUE_FULL}). Past its timeout a query's
 * thread is interrupted, the matcher sees it within a few thousand steps and stops, and the caller gets
 * an {@link OperationTimeoutException}; an algorithm the query called stops through its cancellation
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
        FutureTask<QueryResult> task = new FutureTask<>(() -> run(query, params, bounds, calls == null ? AlgorithmCalls.NONE : calls,
                cancel, started));
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            throw new RateLimitedException("QUERY_QUEUE_FULL", "too many queries are waiting for this instance's "
                    + "threads; try again shortly", 1);
        }
        awaitBriefly(task);
        try {
            return task.get(bounds.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel.cancel("the query's time ran out");
            task.cancel(true);
            throw new OperationTimeoutException("cypher query", bounds.timeout());
        } catch (InterruptedException e) {
            cancel.cancel("the query was cancelled");
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancelledException("cypher query was cancelled");
        } catch (ExecutionException e) {
            throw translate(e.getCause(), bounds);
        }
    }

    /**
     * Waits up to {@link #SPIN_NANOS} for the query to end before the caller parks, busily for the first
     * {@link #BUSY_NANOS} and then yielding its core each time round (so a query thread on the same core
     * runs): a point query ends within that, and waking a parked thread costs more than the query itself;
     * longer queries park.
     */
    private static void awaitBriefly(FutureTask<?> task) {
        long from = System.nanoTime();
        while (!task.isDone() && System.nanoTime() - from < SPIN_NANOS) {
            if (System.nanoTime() - from < BUSY_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** The most a caller spins for its query's answer before it parks. */
    static final long SPIN_NANOS = 50_000;

    /** The first part of the wait, spent busily. */
    static final long BUSY_NANOS = 5_000;

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
