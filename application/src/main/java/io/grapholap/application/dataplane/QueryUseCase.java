package io.grapholap.application.dataplane;

import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs one Gremlin query on a running instance. Queries run concurrently with each other and with
 * an algorithm run; each is bounded by its timeout (at most the configured maximum) and by the row
 * limit, past which the result says {@code truncated}; past the number of queries in progress allowed
 * in total or per user the answer is 429 {@code CONCURRENCY_LIMIT_EXCEEDED}.
 */
public final class QueryUseCase {

    /** Longest query text accepted. */
    public static final int MAX_QUERY_CHARS = 100_000;

    /** Most parameter bindings in one request. */
    public static final int MAX_PARAMETERS = 100;

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final LiveInstances instances;
    private final DataPlaneSettings settings;
    private final ConcurrencyLimit running;

    /** {@code running} bounds the queries in progress (each holds a query thread), in total and per user. */
    public QueryUseCase(LiveInstances instances, DataPlaneSettings settings, ConcurrencyLimit running) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.running = Objects.requireNonNull(running, "running");
    }

    /** A query with its parameter bindings (names usable as Gremlin variables) and optional timeout. */
    public record Command(String query, Map<String, Object> parameters, Long timeoutMs) {
        public Command {
            if (query == null || query.isBlank()) {
                throw new ValidationException("query", "query is required");
            }
            if (query.length() > MAX_QUERY_CHARS) {
                throw new ValidationException("query", "query is longer than " + MAX_QUERY_CHARS + " characters");
            }
            parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            if (parameters.size() > MAX_PARAMETERS) {
                throw new ValidationException("parameters", "at most " + MAX_PARAMETERS + " parameters, got "
                        + parameters.size());
            }
            for (String name : parameters.keySet()) {
                if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
                    throw new ValidationException("parameters", "parameter name '" + name + "' is not an identifier "
                            + "(a letter or '_' followed by up to 63 letters, digits or '_')");
                }
            }
        }
    }

    /** The result and the engine that ran it. */
    public record Outcome(long instanceId, String engine, QueryResult result) {
    }

    public Outcome run(Actor actor, long instanceId, Command command) {
        var timeout = DataPlaneSettings.timeout(command.timeoutMs(), settings.defaultQueryTimeout(), settings.maxQueryTimeout());
        LiveInstance instance = instances.use(instanceId, actor);
        try (ConcurrencyLimit.Permit permit = running.acquire(actor.username())) {
            QueryResult result = instance.graph().gremlin(command.query(), command.parameters(),
                    new QueryLimits(timeout, settings.maxRows()));
            return new Outcome(instanceId, instance.graph().engine(), result);
        }
    }
}
