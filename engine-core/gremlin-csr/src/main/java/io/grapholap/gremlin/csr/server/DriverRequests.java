package io.grapholap.gremlin.csr.server;

import io.grapholap.application.dataplane.DriverAccess;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptChecker;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;

/**
 * Reads the arguments of an authenticated request, runs it through {@link DriverAccess} (instance
 * permission, limits, audit) and answers its failures with TinkerPop's status codes:
 *
 * <table>
 *   <caption>Status codes</caption>
 *   <tr><td>498 malformed request</td><td>an unknown op, a frame that could not be read</td></tr>
 *   <tr><td>499 invalid request arguments</td><td>no or an unknown traversal source, a bad
 *       {@code evaluationTimeout}, {@code batchSize} or binding, sessions, lambdas, a language other
 *       than gremlin-lang</td></tr>
 *   <tr><td>401 / 403</td><td>bad credentials / an instance the account may not use</td></tr>
 *   <tr><td>429</td><td>past the running-query limits</td></tr>
 *   <tr><td>595 / 597</td><td>a {@code fail()} step / any other failure of the traversal or script,
 *       writes to the read-only graph included</td></tr>
 *   <tr><td>598</td><td>past the timeout</td></tr>
 *   <tr><td>599</td><td>bytecode that builds no traversal, a result that cannot be serialized</td></tr>
 *   <tr><td>500</td><td>anything else (logged with its stack trace; the client gets the message only)</td></tr>
 * </table>
 */
final class DriverRequests {

    private static final System.Logger LOG = System.getLogger(DriverRequests.class.getName());
    /** The name under which each running instance is a traversal source. */
    static final Pattern TRAVERSAL_SOURCE = Pattern.compile("instance_(\\d{1,18})");
    private static final String GREMLIN_LANG = "gremlin-lang";
    private static final String GREMLIN_GROOVY = "gremlin-groovy";
    private static final String LEGACY_TIMEOUT = "scriptEvaluationTimeout";

    private final DriverAccess access;
    private final GremlinDriverProtocol.Settings settings;
    private final TraversalRun runner;

    DriverRequests(DriverAccess access, GremlinDriverProtocol.Settings settings) {
        this.access = access;
        this.settings = settings;
        this.runner = new TraversalRun();
    }

    /** What an authenticated request asks for, its arguments checked. */
    record Parsed(long instanceId, Bytecode bytecode, String script, Map<String, Object> bindings, Long timeoutMs,
                  int batchSize, boolean referencesOnly) {
    }

    void handle(DriverConnection connection, Actor actor, DriverConnection.Request request) {
        String op = request.op() == null ? "?" : request.op();
        Parsed parsed;
        try {
            parsed = parse(request.message());
        } catch (DriverFailure e) {
            access.refused(actor, op, 400);
            connection.fail(request, e);
            return;
        }
        try {
            access.run(actor, parsed.instanceId(), op, parsed.timeoutMs(),
                    (instance, limits) -> runner.run(connection, request, parsed, instance, limits));
        } catch (DomainException e) {
            connection.fail(request, e);
        }
    }

    private Parsed parse(RequestMessage message) {
        String op = message.getOp();
        Map<String, Object> args = message.getArgs();
        if (Tokens.OPS_CLOSE.equals(op) || args.containsKey(Tokens.ARGS_SESSION) || "session".equals(message.getProcessor())) {
            throw DriverFailure.invalidArguments("sessions are not supported: every request stands alone, on a read-only graph");
        }
        if (!Tokens.OPS_BYTECODE.equals(op) && !Tokens.OPS_EVAL.equals(op)) {
            throw DriverFailure.malformed("op [" + op + "] is not recognized; this server takes bytecode and eval requests");
        }
        long instanceId = instanceOf(args);
        Object gremlin = args.get(Tokens.ARGS_GREMLIN);
        Long timeoutMs = number(args, Tokens.ARGS_EVAL_TIMEOUT);
        if (timeoutMs == null) {
            timeoutMs = number(args, LEGACY_TIMEOUT);
        }
        int batchSize = batchSize(args);
        boolean references = Tokens.MATERIALIZE_PROPERTIES_TOKENS.equals(args.get(Tokens.ARGS_MATERIALIZE_PROPERTIES));
        if (Tokens.OPS_BYTECODE.equals(op)) {
            if (!(gremlin instanceof Bytecode bytecode)) {
                throw DriverFailure.invalidArguments("a bytecode request needs its traversal as bytecode in the 'gremlin' argument");
            }
            return new Parsed(instanceId, bytecode, null, Map.of(), timeoutMs, batchSize, references);
        }
        if (!(gremlin instanceof String script)) {
            throw DriverFailure.invalidArguments("an eval request needs its script as a string in the 'gremlin' argument");
        }
        Object language = args.get(Tokens.ARGS_LANGUAGE);
        if (language != null && !GREMLIN_LANG.equals(language) && !GREMLIN_GROOVY.equals(language)) {
            throw DriverFailure.invalidArguments("language '" + language + "' is not served; scripts are gremlin-lang "
                    + "(Gremlin steps only; 'gremlin-groovy', the drivers' default, is read as gremlin-lang)");
        }
        Map<String, Object> bindings = bindings(args.get(Tokens.ARGS_BINDINGS));
        QueryUseCase.Command checked;
        try {
            checked = new QueryUseCase.Command(script, bindings, null, QueryUseCase.Language.GREMLIN);
        } catch (ValidationException e) {
            throw DriverFailure.invalidArguments(e.getMessage());
        }
        GremlinScriptChecker.Result options = GremlinScriptChecker.parse(script);
        if (options.getTimeout().isPresent()) {
            timeoutMs = options.getTimeout().get();
        }
        if (options.getMaterializeProperties().isPresent()) {
            references = Tokens.MATERIALIZE_PROPERTIES_TOKENS.equals(options.getMaterializeProperties().get());
        }
        return new Parsed(instanceId, null, checked.query(), checked.parameters(), timeoutMs, batchSize, references);
    }

    /** The instance of {@code instance_<id>}, the traversal source the request's alias {@code g} names. */
    private static long instanceOf(Map<String, Object> args) {
        Object aliases = args.get(Tokens.ARGS_ALIASES);
        Object source = aliases instanceof Map<?, ?> map ? map.get(Tokens.VAL_TRAVERSAL_SOURCE_ALIAS) : null;
        if (source == null) {
            throw DriverFailure.invalidArguments("name the instance to query as the traversal source: alias 'g' to "
                    + "'instance_<id>' (Java: DriverRemoteConnection.using(cluster, \"instance_42\"); scripts: "
                    + "client.alias(\"instance_42\"))");
        }
        Matcher m = TRAVERSAL_SOURCE.matcher(source.toString());
        if (!m.matches()) {
            throw DriverFailure.invalidArguments("the traversal source [" + source + "] is not configured on this server; "
                    + "each running instance is the traversal source instance_<id>, e.g. instance_42");
        }
        return Long.parseLong(m.group(1));
    }

    private static Long number(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || n instanceof Double || n instanceof Float) {
            throw DriverFailure.invalidArguments(name + " must be a whole number of milliseconds, got " + value);
        }
        return n.longValue();
    }

    private int batchSize(Map<String, Object> args) {
        Object value = args.get(Tokens.ARGS_BATCH_SIZE);
        if (value == null) {
            return settings.batchSize();
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short)
                || ((Number) value).longValue() < 1 || ((Number) value).longValue() > GremlinDriverProtocol.Settings.MAX_BATCH_SIZE) {
            throw DriverFailure.invalidArguments("batchSize must be a whole number between 1 and "
                    + GremlinDriverProtocol.Settings.MAX_BATCH_SIZE + ", got " + value);
        }
        return ((Number) value).intValue();
    }

    private static Map<String, Object> bindings(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw DriverFailure.invalidArguments("bindings must be a map of names to values");
        }
        Map<String, Object> bindings = new LinkedHashMap<>();
        map.forEach((k, v) -> bindings.put(String.valueOf(k), v));
        return bindings;
    }

    /** The answer to a failed request: its TinkerPop status, a message for the client, the error code as an attribute. */
    static ResponseMessage errorFor(DriverConnection.Request request, Throwable failure) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String message = failure.getMessage();
        ResponseStatusCode status = switch (failure) {
            case DriverFailure f -> {
                attributes.putAll(f.attributes());
                yield f.status();
            }
            case ValidationException v -> "query".equals(v.field()) ? ResponseStatusCode.SERVER_ERROR_EVALUATION
                    : ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS;
            case PermissionDeniedException p -> ResponseStatusCode.FORBIDDEN;
            case NotFoundException n -> {
                message = "the traversal source is not configured on this server: " + n.getMessage();
                yield ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS;
            }
            case ConflictException c -> ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS;
            case RateLimitedException r -> ResponseStatusCode.TOO_MANY_REQUESTS;
            case OperationTimeoutException t -> ResponseStatusCode.SERVER_ERROR_TIMEOUT;
            case DomainException d -> ResponseStatusCode.SERVER_ERROR;
            default -> {
                LOG.log(System.Logger.Level.ERROR, "Gremlin request " + request.id() + " failed", failure);
                message = "the request failed on the server (" + failure.getClass().getSimpleName() + "); the server log has the details";
                yield ResponseStatusCode.SERVER_ERROR;
            }
        };
        String code = failure instanceof DomainException d ? d.code() : "INTERNAL_ERROR";
        attributes.put("code", code);
        return ResponseMessage.build(request.message()).code(status)
                .statusMessage(message == null ? status.name() : message).statusAttributes(attributes).create();
    }
}
