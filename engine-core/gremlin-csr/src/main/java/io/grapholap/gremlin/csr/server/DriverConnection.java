package io.grapholap.gremlin.csr.server;

import io.grapholap.application.dataplane.DriverAccess;
import io.grapholap.application.dataplane.DriverProtocol;
import io.grapholap.application.security.Actor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;

/**
 * One driver connection: its SASL state and the requests it has in progress.
 *
 * <p>Authentication follows Gremlin Server: the first request of an unauthenticated connection is
 * answered 407 (authenticate) and kept; requests that arrive meanwhile wait with it; an
 * {@code authentication} request carrying SASL PLAIN credentials then either authenticates the
 * connection, and the kept requests run, or fails them all with 401 and the next request starts a new
 * challenge. Once authenticated, the connection acts for that account until it closes.
 *
 * <p>Every frame is handled on the request executor, never on the transport's thread; at most
 * {@link GremlinDriverProtocol.Settings#maxRequestsPerConnection()} requests may be waiting or running
 * at once (429 past that).
 */
final class DriverConnection implements DriverProtocol.Connection {

    private static final System.Logger LOG = System.getLogger(DriverConnection.class.getName());
    private static final String PLAIN = "PLAIN";
    private static final String BAD_CREDENTIALS = "invalid username or password, or the account is disabled";

    /** A decoded request and how to answer it. */
    record Request(RequestMessage message, WireFormats.Format format) {
        UUID id() {
            return message.getRequestId();
        }

        String op() {
            return message.getOp();
        }
    }

    private final String remote;
    private final DriverProtocol.Outbox out;
    private final WireFormats formats;
    private final DriverAccess access;
    private final DriverRequests handler;
    private final Executor requests;
    private final GremlinDriverProtocol.Settings settings;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    // guarded by this
    private Actor actor;
    private Request challenged;
    private final List<Request> waiting = new ArrayList<>();

    DriverConnection(String remote, DriverProtocol.Outbox out, WireFormats formats, DriverAccess access,
                     DriverRequests handler, Executor requests, GremlinDriverProtocol.Settings settings) {
        this.remote = remote;
        this.out = out;
        this.formats = formats;
        this.access = access;
        this.handler = handler;
        this.requests = requests;
        this.settings = settings;
    }

    @Override
    public void receive(byte[] frame) {
        if (closed) {
            return;
        }
        if (inProgress.incrementAndGet() > settings.maxRequestsPerConnection()) {
            refuseBusy(frame);
            return;
        }
        try {
            requests.execute(() -> handle(frame));
        } catch (RejectedExecutionException e) {
            refuseBusy(frame);
        }
    }

    @Override
    public void closed() {
        closed = true;
        running.forEach(f -> f.cancel(true));
        synchronized (this) {
            challenged = null;
            waiting.clear();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Registers a running traversal so that closing the connection stops it. */
    void track(Future<?> task) {
        running.add(task);
        if (closed) {
            task.cancel(true);
        }
    }

    void untrack(Future<?> task) {
        running.remove(task);
    }

    private void refuseBusy(byte[] frame) {
        try {
            Request request = decode(frame);
            answer(request, error(request, ResponseStatusCode.TOO_MANY_REQUESTS, "this connection already has "
                    + settings.maxRequestsPerConnection() + " requests in progress; wait for their answers", "RATE_LIMITED"));
        } catch (SerializationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "unreadable frame from " + remote + " refused", e);
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private Request decode(byte[] frame) throws SerializationException {
        WireFormats.Decoded decoded = formats.decode(frame);
        return new Request(decoded.message(), decoded.format());
    }

    private void handle(byte[] frame) {
        Request request;
        try {
            request = decode(frame);
        } catch (SerializationException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            send(ResponseMessage.build(RequestMessage.INVALID).code(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST)
                    .statusMessage("the request could not be read: " + reason).create(), formats.formatOf(frame));
            done();
            return;
        }
        dispatch(request);
    }

    private void dispatch(Request request) {
        boolean authentication = Tokens.OPS_AUTHENTICATION.equals(request.op());
        Actor who;
        boolean challenge = false;
        synchronized (this) {
            who = actor;
            if (who == null && !authentication) {
                if (challenged == null) {
                    challenged = request;
                    challenge = true;
                } else {
                    waiting.add(request);
                    return;
                }
            }
        }
        if (challenge) {
            answer(request, ResponseMessage.build(request.message()).code(ResponseStatusCode.AUTHENTICATE).create());
            return;
        }
        if (authentication) {
            try {
                authenticate(request, who);
            } finally {
                done();
            }
            return;
        }
        process(who, request);
    }

    private void process(Actor who, Request request) {
        try {
            handler.handle(this, who, request);
        } catch (RuntimeException e) {
            fail(request, e);
        } finally {
            done();
        }
    }

    private void authenticate(Request request, Actor already) {
        if (already != null) {
            answer(request, error(request, ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS,
                    "this connection is already authenticated (as " + already.username() + ")", "INVALID_REQUEST_ARGUMENTS"));
            return;
        }
        Optional<Actor> account;
        String problem;
        try {
            String[] credentials = plainCredentials(request.message());
            account = access.authenticate(credentials[0], credentials[1]);
            problem = BAD_CREDENTIALS;
        } catch (IllegalArgumentException e) {
            access.refused(null, Tokens.OPS_AUTHENTICATION, 401);
            account = Optional.empty();
            problem = e.getMessage();
        }
        List<Request> kept = new ArrayList<>();
        synchronized (this) {
            if (challenged != null) {
                kept.add(challenged);
            }
            kept.addAll(waiting);
            challenged = null;
            waiting.clear();
            account.ifPresent(a -> actor = a);
        }
        if (account.isEmpty()) {
            for (Request r : kept) {
                answer(r, error(r, ResponseStatusCode.UNAUTHORIZED, problem, "UNAUTHORIZED"));
                done();
            }
            if (kept.isEmpty()) {
                answer(request, error(request, ResponseStatusCode.UNAUTHORIZED, problem, "UNAUTHORIZED"));
            }
            return;
        }
        if (kept.isEmpty()) {
            answer(request, ResponseMessage.build(request.message()).code(ResponseStatusCode.NO_CONTENT).create());
            return;
        }
        Actor who = account.get();
        for (Request r : kept) {
            try {
                requests.execute(() -> process(who, r));
            } catch (RejectedExecutionException e) {
                answer(r, error(r, ResponseStatusCode.TOO_MANY_REQUESTS, "the server is too busy to take this request now",
                        "RATE_LIMITED"));
                done();
            }
        }
    }

    /**
     * The username and password of a SASL PLAIN response ({@code authzid NUL authcid NUL password},
     * base64 in the {@code sasl} argument).
     */
    private static String[] plainCredentials(RequestMessage message) {
        Object mechanism = message.getArgs().get(Tokens.ARGS_SASL_MECHANISM);
        if (mechanism != null && !PLAIN.equalsIgnoreCase(mechanism.toString())) {
            throw new IllegalArgumentException("SASL mechanism " + mechanism + " is not supported; use PLAIN "
                    + "(a username and password, or an API key as the password)");
        }
        Object sasl = message.getArgs().get(Tokens.ARGS_SASL);
        byte[] bytes;
        try {
            bytes = sasl instanceof byte[] b ? b : sasl instanceof String s ? Base64.getDecoder().decode(s) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null) {
            throw new IllegalArgumentException("an authentication request needs the SASL PLAIN response, base64-encoded, "
                    + "in its 'sasl' argument");
        }
        int second = -1;
        int first = -1;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == 0) {
                if (second < 0) {
                    second = i;
                } else {
                    first = i;
                    break;
                }
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("the SASL PLAIN response must be authzid NUL username NUL password");
        }
        String username = new String(bytes, first + 1, second - first - 1, StandardCharsets.UTF_8);
        String password = new String(bytes, second + 1, bytes.length - second - 1, StandardCharsets.UTF_8);
        return new String[] {username, password};
    }

    private void done() {
        inProgress.decrementAndGet();
    }

    /** Answers {@code request} with the status and message {@code failure} calls for. */
    void fail(Request request, Throwable failure) {
        answer(request, DriverRequests.errorFor(request, failure));
    }

    static ResponseMessage error(Request request, ResponseStatusCode status, String message, String code) {
        return ResponseMessage.build(request.message()).code(status).statusMessage(message)
                .statusAttributes(Map.of("code", code)).create();
    }

    /** Sends one answer; a failure to encode it is answered as a serialization error instead. */
    CompletionStage<?> answer(Request request, ResponseMessage message) {
        return send(message, request.format());
    }

    private CompletionStage<?> send(ResponseMessage message, WireFormats.Format format) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the connection is closed"));
        }
        Object frame;
        try {
            frame = formats.encode(message, format);
        } catch (SerializationException e) {
            LOG.log(System.Logger.Level.WARNING, "an answer to " + remote + " could not be serialized", e);
            try {
                frame = formats.encode(ResponseMessage.build(message.getRequestId())
                        .code(ResponseStatusCode.SERVER_ERROR_SERIALIZATION)
                        .statusMessage("the result could not be serialized: " + e.getMessage()).create(), format);
            } catch (SerializationException again) {
                return CompletableFuture.failedFuture(again);
            }
        }
        return frame instanceof String text ? out.sendText(text) : out.sendBinary((byte[]) frame);
    }

    /**
     * Encodes {@code message}, throwing when it cannot be (a result value the format cannot hold), so
     * the caller can answer with an error instead of the batch.
     */
    CompletionStage<?> sendResults(Request request, ResponseMessage message) throws SerializationException {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the connection is closed"));
        }
        Object frame = formats.encode(message, request.format());
        return frame instanceof String text ? out.sendText(text) : out.sendBinary((byte[]) frame);
    }
}
