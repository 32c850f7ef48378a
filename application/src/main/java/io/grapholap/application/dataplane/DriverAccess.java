package io.grapholap.application.dataplane;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.ApiKeySecrets;
import io.grapholap.application.security.AuthenticateApiKey;
import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Gremlin driver connection may do, under the rules of the HTTP query route: who it is
 * (a username and password, or an API key given as the password), which instances it may query
 * ({@link LiveInstances#use}, which also records activity), how long a query may run (the request's
 * {@code evaluationTimeout}, the default when absent, never over the maximum), how many rows it
 * returns, how many queries run at once (the same {@link ConcurrencyLimit} as HTTP queries, in
 * total and per user), and one audit entry per authentication and per request, with the HTTP
 * status the same outcome has on the HTTP route.
 */
public final class DriverAccess {

    /** The path driver requests are audited under. */
    public static final String PATH = "/gremlin";
    /** The method of driver audit entries; actions are {@code GREMLIN <op>}. */
    public static final String METHOD = "GREMLIN";

    private static final int MAX_AUDITED_NAME = 200;

    private final AuthenticateWithPassword passwords;
    private final AuthenticateApiKey keys;
    private final LiveInstances instances;
    private final DataPlaneSettings settings;
    private final ConcurrencyLimit running;
    private final AuditLog audit;
    private final Clock clock;

    public DriverAccess(AuthenticateWithPassword passwords, AuthenticateApiKey keys, LiveInstances instances,
                        DataPlaneSettings settings, ConcurrencyLimit running, AuditLog audit, Clock clock) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.running = Objects.requireNonNull(running, "running");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The work of one request, run while it holds its place in the concurrency limit. */
    @FunctionalInterface
    public interface Work<R> {
        R run(LiveInstance instance, QueryLimits limits);
    }

    /**
     * The account of a SASL PLAIN login: {@code password} is the account's password, or one of its API
     * keys (then {@code username} is not checked). Empty for a wrong or unknown credential or a disabled
     * account, alike. Slow on purpose (a password check is a bcrypt check): call it off I/O threads.
     */
    public Optional<Actor> authenticate(String username, String password) {
        Optional<Actor> actor = password != null && ApiKeySecrets.looksLikeKey(password)
                ? keys.authenticate(password)
                : passwords.authenticate(username, password);
        String who = actor.map(Actor::username).orElse(username == null || username.isBlank() ? "anonymous" : clip(username));
        record(who, "authentication", null, actor.isPresent() ? 200 : 401);
        return actor;
    }

    /**
     * Runs {@code work} on running instance {@code instanceId} for {@code actor}, within the query
     * limits, and audits it as {@code GREMLIN <op>}. {@code timeoutMs} is the request's
     * {@code evaluationTimeout}: absent gives the default, 0 (TinkerPop's "no timeout") the maximum.
     *
     * @throws ValidationException field {@code evaluationTimeout} when it is negative or over the maximum
     * @throws NotFoundException, PermissionDeniedException, ConflictException as {@link LiveInstances#use}
     * @throws RateLimitedException {@code CONCURRENCY_LIMIT_EXCEEDED} past the running-query limits
     */
    public <R> R run(Actor actor, long instanceId, String op, Long timeoutMs, Work<R> work) {
        Objects.requireNonNull(actor, "actor");
        int status = 500;
        try {
            Duration timeout = timeout(timeoutMs);
            LiveInstance instance = instances.use(instanceId, actor);
            try (ConcurrencyLimit.Permit permit = running.acquire(actor.username())) {
                R result = work.run(instance, new QueryLimits(timeout, settings.maxRows()));
                status = 200;
                return result;
            }
        } catch (DomainException e) {
            status = statusOf(e);
            throw e;
        } finally {
            record(actor.username(), op, Long.toString(instanceId), status);
        }
    }

    /** Records a request refused before it reached an instance (no instance named, an unknown operation). */
    public void refused(Actor actor, String op, int status) {
        record(actor == null ? "anonymous" : actor.username(), op, null, status);
    }

    private Duration timeout(Long timeoutMs) {
        Duration max = settings.maxQueryTimeout();
        if (timeoutMs == null) {
            return settings.defaultQueryTimeout();
        }
        if (timeoutMs == 0) {
            return max;
        }
        if (timeoutMs < 0 || timeoutMs > max.toMillis()) {
            throw new ValidationException("evaluationTimeout", "evaluationTimeout must be between 1 and " + max.toMillis()
                    + " ms (or 0 for the server's maximum), got " + timeoutMs, Map.of("max_timeout_ms", max.toMillis()));
        }
        return Duration.ofMillis(timeoutMs);
    }

    private void record(String actor, String op, String instanceId, int status) {
        audit.record(AuditEntry.of(clock.instant(), actor, METHOD + " " + clip(op), METHOD, PATH,
                instanceId == null ? null : "instances", instanceId, status));
    }

    /** The status the HTTP route answers for the same error, so audit entries of both read alike. */
    static int statusOf(DomainException e) {
        return switch (e) {
            case ValidationException v -> 400;
            case PermissionDeniedException p -> 403;
            case NotFoundException n -> 404;
            case OperationTimeoutException t -> 408;
            case ConflictException c -> 409;
            case CancelledException c -> 409;
            case RateLimitedException r -> 429;
            case UnavailableException u -> 503;
            default -> 400;
        };
    }

    private static String clip(String s) {
        return s.length() <= MAX_AUDITED_NAME ? s : s.substring(0, MAX_AUDITED_NAME);
    }
}
