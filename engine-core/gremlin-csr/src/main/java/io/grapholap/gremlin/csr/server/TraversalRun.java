package io.grapholap.gremlin.csr.server;

import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.gremlin.csr.CsrGraphInstance;
import io.grapholap.gremlin.csr.CsrGremlinGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tinkerpop.gremlin.jsr223.JavaTranslator;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParserException;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolverException;
import org.apache.tinkerpop.gremlin.process.remote.traversal.DefaultRemoteTraverser;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Failure;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.Traverser;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.ReadOnlyStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.VerificationException;
import org.apache.tinkerpop.gremlin.process.traversal.traverser.TraverserRequirement;
import org.apache.tinkerpop.gremlin.process.traversal.traverser.util.TraverserSet;
import org.apache.tinkerpop.gremlin.process.traversal.util.BytecodeHelper;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;
import org.apache.tinkerpop.gremlin.structure.util.reference.ReferenceFactory;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;

/**
 * Runs one admitted request on its instance. The traversal is built (bytecode through TinkerPop's
 * {@link JavaTranslator}, scripts through the gremlin-language grammar with the request's bindings)
 * over the instance's {@link CsrGremlinGraph} with {@link ReadOnlyStrategy}, and iterated on one of
 * the instance's query threads, which serializes and sends each batch and waits for it to be written
 * (so a slow client slows its own query, and the query's timeout keeps counting). The calling thread
 * waits up to the timeout, then interrupts the query and answers 598. Bytecode results are
 * traversers with their bulk, as Gremlin Server sends them (equal results merged, up to 1000 at a
 * time); script results are plain values. At most {@link QueryLimits#maxRows()} results are sent
 * (bulk counts), the last answer then saying {@code truncated}.
 */
final class TraversalRun {

    private static final int BULKING_BARRIER = 1000;

    Void run(DriverConnection connection, DriverConnection.Request request, DriverRequests.Parsed parsed,
             LiveInstance instance, QueryLimits limits) {
        if (!(instance.graph() instanceof CsrGraphInstance host)) {
            throw DriverFailure.invalidArguments("instance " + instance.id() + " runs on the " + instance.engine()
                    + " engine, which has no Gremlin traversal source");
        }
        CsrGremlinGraph graph = host.gremlinGraph();
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        Answer answer = new Answer(connection, request);
        FutureTask<Void> task = new FutureTask<>(() -> {
            iterate(graph, instance.id(), parsed, limits.maxRows(), answer, deadline);
            return null;
        });
        try {
            host.threads().queries().execute(task);
        } catch (RejectedExecutionException e) {
            throw new RateLimitedException("QUERY_QUEUE_FULL", "too many Gremlin queries are waiting for the threads of "
                    + "instance " + instance.id() + "; try again shortly", 1);
        }
        connection.track(task);
        try {
            task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            task.cancel(true);
            return failed(answer, new OperationTimeoutException("gremlin query", limits.timeout()));
        } catch (CancellationException e) {
            return failed(answer, new CancelledException("the connection closed while the query ran"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return failed(answer, new CancelledException("the query was cancelled"));
        } catch (ExecutionException e) {
            return failed(answer, translate(e.getCause(), instance.id(), limits));
        } finally {
            connection.untrack(task);
        }
    }

    /** Throws {@code failure} for the caller to answer, unless the request was answered already. */
    private static Void failed(Answer answer, RuntimeException failure) {
        if (answer.claim()) {
            throw failure;
        }
        return null;
    }

    private static void iterate(CsrGremlinGraph graph, long instanceId, DriverRequests.Parsed parsed, int maxRows,
                                Answer answer, long deadline) throws Exception {
        GraphTraversalSource g = graph.traversal().withStrategies(ReadOnlyStrategy.instance());
        Traversal.Admin<?, ?> traversal;
        boolean traversers = parsed.bytecode() != null;
        if (traversers) {
            traversal = translate(g, parsed.bytecode());
        } else {
            Object result = evaluate(g, parsed.script(), parsed.bindings());
            if (!(result instanceof Traversal<?, ?> t)) {
                answer.last(ResponseStatusCode.SUCCESS, Collections.singletonList(detach(result, parsed.referencesOnly())), null);
                return;
            }
            traversal = t.asAdmin();
        }
        try (traversal) {
            traversal.applyStrategies();
            @SuppressWarnings("unchecked")
            Iterator<Object> items = traversers ? new Traversers(traversal) : (Iterator<Object>) traversal;
            send(items, parsed, maxRows, answer, deadline);
        }
    }

    private static void send(Iterator<Object> items, DriverRequests.Parsed parsed, int maxRows, Answer answer,
                             long deadline) throws Exception {
        int batchSize = Math.min(parsed.batchSize(), maxRows);
        List<Object> batch = new ArrayList<>(batchSize);
        long rows = 0;
        boolean truncated = false;
        while (items.hasNext()) {
            if (Thread.interrupted()) {
                throw new TraversalInterruptedException();
            }
            if (rows >= maxRows) {
                truncated = true;
                break;
            }
            Object item = items.next();
            if (item instanceof DefaultRemoteTraverser<?> t) {
                long left = maxRows - rows;
                if (t.bulk() > left) {
                    item = new DefaultRemoteTraverser<>(t.get(), left);
                    truncated = true;
                }
                rows += Math.min(t.bulk(), left);
            } else {
                rows++;
            }
            batch.add(detach(item, parsed.referencesOnly()));
            if (batch.size() == batchSize && !truncated && rows < maxRows && items.hasNext()) {
                CompletionStage<?> written = answer.partial(batch);
                if (written == null) {
                    return;
                }
                await(written, deadline);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (rows == 0) {
            answer.last(ResponseStatusCode.NO_CONTENT, null, null);
        } else {
            answer.last(ResponseStatusCode.SUCCESS, batch, truncated ? maxRows : null);
        }
    }

    private static void await(CompletionStage<?> written, long deadline) throws InterruptedException {
        try {
            written.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TraversalInterruptedException();
        } catch (ExecutionException e) {
            throw new CancelledException("the connection closed while results were sent");
        }
    }

    private static Traversal.Admin<?, ?> translate(GraphTraversalSource g, Bytecode bytecode) {
        if (BytecodeHelper.getLambdaLanguage(bytecode).isPresent()) {
            throw DriverFailure.invalidArguments("lambdas are not supported: a traversal may only use Gremlin steps");
        }
        if (BytecodeHelper.isGraphOperation(bytecode)) {
            throw DriverFailure.invalidArguments("transactions are not supported: the graph is read-only");
        }
        try {
            return JavaTranslator.of(g).translate(bytecode);
        } catch (RuntimeException e) {
            throw DriverFailure.serialization("the bytecode builds no traversal: " + messageOf(e));
        }
    }

    private static Object evaluate(GraphTraversalSource g, String script, Map<String, Object> bindings) {
        try {
            return GremlinQueryParser.parse(script, new GremlinAntlrToJava(g, new VariableResolver.DefaultVariableResolver(bindings)));
        } catch (GremlinParserException | VariableResolverException e) {
            throw DriverFailure.evaluation("the script is not gremlin-lang (Gremlin steps only, no Groovy): " + messageOf(e));
        }
    }

    private static Object detach(Object item, boolean referencesOnly) {
        if (!referencesOnly) {
            return item;
        }
        if (item instanceof DefaultRemoteTraverser<?> t) {
            return new DefaultRemoteTraverser<>(ReferenceFactory.detach((Object) t.get()), t.bulk());
        }
        return ReferenceFactory.detach(item);
    }

    private static RuntimeException translate(Throwable failure, long instanceId, QueryLimits limits) {
        if (failure instanceof DomainException d) {
            return d;
        }
        if (failure instanceof TraversalInterruptedException || failure instanceof InterruptedException) {
            return new OperationTimeoutException("gremlin query", limits.timeout());
        }
        if (failure instanceof SerializationException e) {
            return DriverFailure.serialization("a result could not be serialized: " + messageOf(e));
        }
        if (failure instanceof Failure f) {
            return new DriverFailure(ResponseStatusCode.SERVER_ERROR_FAIL_STEP, "FAIL_STEP", messageOf(failure),
                    Map.of(Tokens.STATUS_ATTRIBUTE_FAIL_STEP_MESSAGE, f.format()));
        }
        if (failure instanceof VerificationException || failure instanceof UnsupportedOperationException) {
            return DriverFailure.evaluation("the graph of instance_" + instanceId + " is read-only, or the traversal "
                    + "cannot run on it: " + messageOf(failure));
        }
        if (failure instanceof IllegalStateException || failure instanceof IllegalArgumentException
                || failure instanceof NoSuchElementException || failure instanceof ClassCastException
                || failure instanceof ArithmeticException) {
            return DriverFailure.evaluation("the traversal failed: " + messageOf(failure));
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * The answers of one request: any number of partial ones, then exactly one last one (results or
     * an error), whichever thread gets there first; nothing is sent after the last.
     */
    static final class Answer {

        private final DriverConnection connection;
        private final DriverConnection.Request request;
        private boolean finished;

        Answer(DriverConnection connection, DriverConnection.Request request) {
            this.connection = connection;
            this.request = request;
        }

        /** Sends a 206 with {@code results}; null when the request was answered already. */
        synchronized CompletionStage<?> partial(List<Object> results) throws SerializationException {
            if (finished) {
                return null;
            }
            return connection.sendResults(request, ResponseMessage.build(request.message())
                    .code(ResponseStatusCode.PARTIAL_CONTENT).result(results).create());
        }

        /** Sends the last answer, unless one was sent; {@code truncatedAt} is the row limit that cut the results short. */
        synchronized void last(ResponseStatusCode status, List<Object> results, Integer truncatedAt) throws SerializationException {
            if (finished) {
                return;
            }
            ResponseMessage.Builder message = ResponseMessage.build(request.message()).code(status);
            if (results != null) {
                message.result(results);
            }
            if (truncatedAt != null) {
                message.statusMessage("the result was truncated at " + truncatedAt + " results (the server's row limit)")
                        .statusAttributes(Map.of("truncated", true, "maxRows", truncatedAt));
            }
            connection.sendResults(request, message.create());
            finished = true;
        }

        /** Takes the right to send the last answer (an error); false when it was sent already. */
        synchronized boolean claim() {
            if (finished) {
                return false;
            }
            finished = true;
            return true;
        }
    }

    /** The traversers of a traversal, equal ones merged into one with their bulk (as Gremlin Server sends them). */
    private static final class Traversers implements Iterator<Object> {

        private final Traversal.Admin<?, ?> traversal;
        private final TraverserSet<Object> bulker = new TraverserSet<>();
        private final int barrier;

        Traversers(Traversal.Admin<?, ?> traversal) {
            this.traversal = traversal;
            this.barrier = traversal.getTraverserRequirements().contains(TraverserRequirement.ONE_BULK) ? 1 : BULKING_BARRIER;
        }

        @Override
        public boolean hasNext() {
            if (bulker.isEmpty()) {
                fill();
            }
            return !bulker.isEmpty();
        }

        @Override
        public Object next() {
            if (bulker.isEmpty()) {
                fill();
            }
            Traverser.Admin<Object> t = bulker.remove();
            return new DefaultRemoteTraverser<>(t.get(), t.bulk());
        }

        @SuppressWarnings("unchecked")
        private void fill() {
            while (traversal.hasNext() && bulker.size() < barrier) {
                bulker.add((Traverser.Admin<Object>) traversal.nextTraverser());
            }
        }
    }
}
