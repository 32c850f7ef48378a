package io.grapholap.application.dataplane;

import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.graph.AlgorithmCalls;
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
 * Runs one query, Cypher or Gremlin, on a running instance. Queries run concurrently with each other
 * and with an algorithm run; each is bounded by its timeout (at most the configured maximum), by the row
 * limit, past which the result says {@code truncated}, and (Cypher) by the intermediate rows it may hold;
 * past the number of queries in progress allowed in total or per user the answer is 429
 * {@code CONCURRENCY_LIMIT_EXCEEDED}. A Cypher {@code CALL grapholap.<algorithm>} runs the algorithm
 * through the {@link CallsFor calls} given, as the caller.
 */
public final class QueryUseCase {

    /** Longest query text accepted. */
    public static final int MAX_QUERY_CHARS = 100_000;

    /** Most parameter bindings in one request. */
    public static final int MAX_PARAMETERS = 100;

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final Pattern GREMLIN_START = Pattern.compile("\\s*g\\s*\\..*", Pattern.DOTALL);

    private final LiveInstances instances;
    private final CallsFor calls;
    private final DataPlaneSettings settings;
    private final ConcurrencyLimit running;

    /** The algorithms a query of {@code user} on {@code instance} may call (runs through the instance's lock). */
    @FunctionalInterface
    public interface CallsFor {
        AlgorithmCalls of(String user, LiveInstance instance);
    }

    /**
     * {@code calls} gives each query its algorithm calls; {@code running} bounds the queries in progress
     * (each holds a query thread), in total and per user.
     */
    public QueryUseCase(LiveInstances instances, CallsFor calls, DataPlaneSettings settings, ConcurrencyLimit running) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.running = Objects.requireNonNull(running, "running");
    }

    /** The query languages of an instance. */
    public enum Language {
        CYPHER, GREMLIN;

        /**
         * The language {@code name} names ({@code cypher} or {@code gremlin}, any case); when it is absent,
         * a text whose first token is {@code g} followed by {@code .} is Gremlin and any other is Cypher.
         */
        public static Language of(String name, String query) {
            if (name == null) {
                return query != null && GREMLIN_START.matcher(query).matches() ? GREMLIN : CYPHER;
            }
            for (Language l : values()) {
                if (l.name().equalsIgnoreCase(name.trim())) {
                    return l;
                }
            }
            throw new ValidationException("language", "language must be cypher or gremlin, got '" + name + "'");
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A query with its parameters ({@code $name} in Cypher, variables in Gremlin), optional timeout, and its
     * language ({@link Language#of} when {@code null}).
     */
    public record Command(String query, Map<String, Object> parameters, Long timeoutMs, Language language) {
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
            language = language == null ? Language.of(null, query) : language;
        }

        /** A command whose language is named by {@code language} (or recognised from the text when null). */
        public static Command of(String query, Map<String, Object> parameters, Long timeoutMs, String language) {
            return new Command(query, parameters, timeoutMs, Language.of(language, query));
        }
    }

    /** The result, the engine that ran it and the language it was read in. */
    public record Outcome(long instanceId, String engine, Language language, QueryResult result) {
    }

    public Outcome run(Actor actor, long instanceId, Command command) {
        var timeout = DataPlaneSettings.timeout(command.timeoutMs(), settings.defaultQueryTimeout(), settings.maxQueryTimeout());
        LiveInstance instance = instances.use(instanceId, actor);
        try (ConcurrencyLimit.Permit permit = running.acquire(actor.username())) {
            QueryLimits limits = new QueryLimits(timeout, settings.maxRows(), settings.maxHeldRows());
            QueryResult result = switch (command.language()) {
                case GREMLIN -> instance.graph().gremlin(command.query(), command.parameters(), limits);
                case CYPHER -> instance.graph().cypher(command.query(), command.parameters(), limits,
                        calls.of(actor.username(), instance));
            };
            return new Outcome(instanceId, instance.graph().engine(), command.language(), result);
        }
    }
}
