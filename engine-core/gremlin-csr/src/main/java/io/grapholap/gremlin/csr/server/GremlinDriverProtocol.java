package io.grapholap.gremlin.csr.server;

import io.grapholap.application.dataplane.DriverAccess;
import io.grapholap.application.dataplane.DriverProtocol;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Gremlin Server's driver protocol (TinkerPop 3.7) over the running instances, for TinkerPop's
 * drivers, the Gremlin Console and tools built on them. Each running instance is the traversal
 * source {@code instance_<id>} (a request names it as the alias of {@code g}). What is served:
 *
 * <ul>
 *   <li>formats: GraphBinary 1.0, GraphSON 3.0 and 2.0 ({@link WireFormats});</li>
 *   <li>{@code bytecode} requests (answered with traversers, as Gremlin Server does) and {@code eval}
 *       requests whose script is gremlin-lang (the grammar of {@code gremlin-language}: Gremlin steps
 *       only, never Groovy; the language {@code gremlin-groovy} that drivers send by default is read
 *       as gremlin-lang too), with bindings;</li>
 *   <li>results in batches of {@code batchSize} (the request's, else {@link Settings#batchSize()}) as
 *       206 partial content then 200 (204 when there is none), at most the server's row limit (the
 *       last answer then carries {@code truncated=true});</li>
 *   <li>{@code evaluationTimeout}, {@code materializeProperties} ({@code all} or {@code tokens});</li>
 *   <li>SASL PLAIN authentication on every connection (407 challenge, then a username and password,
 *       or an API key as the password); TinkerPop's status codes for every error, never a stack
 *       trace.</li>
 * </ul>
 *
 * Sessions, transactions, lambdas and writes are refused: the graph is read-only. Requests are read,
 * authenticated and admitted on {@code requests} (blocking work: password checks, waiting for a
 * query); traversals run on the queried instance's query threads, never on the transport's.
 */
public final class GremlinDriverProtocol implements DriverProtocol {

    /**
     * {@code batchSize}: results per answer when a request names none (Gremlin Server's
     * {@code resultIterationBatchSize}); {@code maxRequestsPerConnection}: requests one connection may
     * have waiting or running at once, past which it is answered 429.
     */
    public record Settings(int batchSize, int maxRequestsPerConnection) {

        /** The most results one answer may carry. */
        public static final int MAX_BATCH_SIZE = 10_000;

        public Settings {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
            }
            if (maxRequestsPerConnection < 1) {
                throw new IllegalArgumentException("maxRequestsPerConnection must be at least 1, got " + maxRequestsPerConnection);
            }
        }

        /** 64 results per answer (Gremlin Server's default), 128 requests per connection. */
        public static Settings defaults() {
            return new Settings(64, 128);
        }
    }

    private final DriverAccess access;
    private final Executor requests;
    private final Settings settings;
    private final WireFormats formats = new WireFormats();
    private final DriverRequests handler;

    public GremlinDriverProtocol(DriverAccess access, Executor requests, Settings settings) {
        this.access = Objects.requireNonNull(access, "access");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handler = new DriverRequests(access, settings);
    }

    @Override
    public Connection open(String remote, Outbox out) {
        return new DriverConnection(remote, out, formats, access, handler, requests, settings);
    }
}
