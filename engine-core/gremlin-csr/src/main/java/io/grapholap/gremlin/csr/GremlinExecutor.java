package io.grapholap.gremlin.csr;

import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.QueryThreads;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParserException;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolverException;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;

/**
 * Runs Gremlin query strings against one {@link CsrGremlinGraph}.
 *
 * <p>Queries are parsed by the gremlin-language grammar into a traversal (no Groovy, no lambdas:
 * a query can only call Gremlin steps, never arbitrary code). Bindings are the grammar's
 * variables ({@code g.V().has('name', who)} with {@code who} bound). Each query runs on a thread of
 * the given executor (the instance's {@link io.grapholap.graph.csr.ComputePool}, whose queue time
 * counts against the query's timeout; a full queue is a 429 {@code QUERY_QUEUE_FULL}); when it runs
 * past {@link QueryLimits#timeout()} the thread is
 * interrupted, which stops TinkerPop's steps (they check for interrupts) and this engine's column
 * scans and count loops, and the caller gets an {@link OperationTimeoutException}. At most {@link QueryLimits#maxRows()} results are returned,
 * with {@code truncated} set when more were available.
 *
 * <p>The result has one column, {@code result}; each row holds one traversal result converted by
 * {@link GremlinValues#toPlain(Object)}. A query that does not parse, names an unbound variable,
 * or tries to change the read-only graph is a {@link ValidationException} on field {@code query}.
 */
public final class GremlinExecutor {

    /** The single column of every Gremlin result. */
    public static final String RESULT_COLUMN = "result";

    private final CsrGremlinGraph graph;
    private final Executor threads;

    /** An executor over {@code graph}, read in place through a {@link CsrGremlinGraph}, running queries on {@code threads}. */
    public GremlinExecutor(CsrGraph graph, Executor threads) {
        this(new CsrGremlinGraph(graph), threads);
    }

    public GremlinExecutor(CsrGremlinGraph graph, Executor threads) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** The graph this executor queries. */
    public CsrGremlinGraph graph() {
        return graph;
    }

    public QueryResult execute(String query, Map<String, Object> bindings, QueryLimits limits) {
        if (query == null || query.isBlank()) {
            throw new ValidationException("query", "query must not be empty");
        }
        Map<String, Object> variables = bindings == null ? Map.of() : bindings;
        QueryLimits bounds = limits == null ? QueryLimits.defaults() : limits;
        long started = System.nanoTime();
        Rows rows = QueryThreads.run(threads, () -> run(query, variables, bounds.maxRows()), bounds.timeout(), "gremlin query",
                () -> { }, failure -> translate(failure, bounds));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new QueryResult(List.of(RESULT_COLUMN), rows.values(), rows.truncated(), millis);
    }

    private record Rows(List<List<Object>> values, boolean truncated) {
    }

    private Rows run(String query, Map<String, Object> bindings, int maxRows) {
        GraphTraversalSource g = graph.traversal();
        Object parsed;
        try {
            parsed = GremlinQueryParser.parse(query,
                    new GremlinAntlrToJava(g, new VariableResolver.DefaultVariableResolver(bindings)));
        } catch (GremlinParserException | VariableResolverException e) {
            throw new ValidationException("query", e.getMessage());
        }
        List<List<Object>> rows = new ArrayList<>();
        if (parsed instanceof Traversal<?, ?> traversal) {
            try (traversal) {
                Iterator<?> it = traversal;
                while (rows.size() < maxRows && it.hasNext()) {
                    rows.add(row(it.next()));
                }
                return new Rows(rows, it.hasNext());
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        rows.add(row(parsed));
        return new Rows(rows, false);
    }

    private static List<Object> row(Object value) {
        List<Object> row = new ArrayList<>(1);
        row.add(GremlinValues.toPlain(value));
        return row;
    }

    private static RuntimeException translate(Throwable failure, QueryLimits limits) {
        if (failure instanceof DomainException d) {
            return d;
        }
        if (failure instanceof TraversalInterruptedException) {
            return new OperationTimeoutException("gremlin query", limits.timeout());
        }
        if (failure instanceof GremlinParserException || failure instanceof VariableResolverException) {
            return new ValidationException("query", failure.getMessage());
        }
        if (failure instanceof UnsupportedOperationException || failure instanceof IllegalStateException
                || failure instanceof IllegalArgumentException || failure instanceof NoSuchElementException
                || failure instanceof ClassCastException || failure instanceof ArithmeticException) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new ValidationException("query", "query failed: " + message);
        }
        if (failure instanceof RuntimeException r) {
            return r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(failure);
    }
}
