package io.grapholap.application.config;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Use case behind {@code /api/config/*}: any signed-in caller reads the platform settings, the ops
 * role changes them. Input arrives as raw wire values and is checked here, each error naming its
 * field ({@code instance.max_ttl}, {@code per_analyst}, …).
 */
public final class ManagePlatformConfig {

    /** Largest duration accepted for a TTL or inactivity timeout: ten years. */
    public static final Duration MAX_DURATION = Duration.ofDays(3650);
    public static final int MAX_INSTANCES = 10_000;
    /** Longest export time limit: one week. */
    public static final long MAX_EXPORT_SECONDS = 7 * 24 * 3600;
    public static final int MAX_MESSAGE = 500;

    private final PlatformConfig config;

    public ManagePlatformConfig(PlatformConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    public LifecycleConfig lifecycle() {
        return config.lifecycle();
    }

    public ConcurrencyConfig concurrency() {
        return config.concurrency();
    }

    public MaintenanceMode maintenance() {
        return config.maintenance();
    }

    public ExportConfig export() {
        return config.export();
    }

    /** One resource kind's wire values; a null field means "none". */
    public record ResourceLifecycleInput(String defaultTtl, String defaultInactivity, String maxTtl) {
    }

    /** Replaces the settings of each kind given; kinds left null keep theirs. */
    public LifecycleConfig updateLifecycle(Actor actor, ResourceLifecycleInput mapping, ResourceLifecycleInput snapshot,
                                           ResourceLifecycleInput instance) {
        actor.require(Role.OPS);
        if (mapping == null && snapshot == null && instance == null) {
            throw new ValidationException("body", "give at least one of mapping, snapshot, instance");
        }
        LifecycleConfig current = config.lifecycle();
        LifecycleConfig next = new LifecycleConfig(
                mapping == null ? current.mapping() : resource("mapping", mapping),
                snapshot == null ? current.snapshot() : resource("snapshot", snapshot),
                instance == null ? current.instance() : resource("instance", instance));
        return config.updateLifecycle(next, actor.username());
    }

    /** Changes the limits given; a null one keeps its value. The per-analyst limit may not exceed the total. */
    public ConcurrencyConfig updateConcurrency(Actor actor, Integer perAnalyst, Integer clusterTotal) {
        actor.require(Role.OPS);
        if (perAnalyst == null && clusterTotal == null) {
            throw new ValidationException("body", "give per_analyst and/or cluster_total");
        }
        ConcurrencyConfig current = config.concurrency();
        int analyst = perAnalyst == null ? current.perAnalyst() : limit("per_analyst", perAnalyst);
        int total = clusterTotal == null ? current.clusterTotal() : limit("cluster_total", clusterTotal);
        if (analyst > total) {
            throw new ValidationException(perAnalyst == null ? "cluster_total" : "per_analyst",
                    "per_analyst (" + analyst + ") may not exceed cluster_total (" + total + ")");
        }
        return config.updateConcurrency(new ConcurrencyConfig(analyst, total), actor.username());
    }

    public MaintenanceMode updateMaintenance(Actor actor, Boolean enabled, String message) {
        actor.require(Role.OPS);
        if (enabled == null) {
            throw new ValidationException("enabled", "enabled is required (true or false)");
        }
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw new ValidationException("message", "message must be at most " + MAX_MESSAGE + " characters");
        }
        return config.updateMaintenance(new MaintenanceMode(enabled, text, actor.username(), null), actor.username());
    }

    public ExportConfig updateExport(Actor actor, Long maxDurationSeconds) {
        actor.require(Role.OPS);
        if (maxDurationSeconds == null) {
            throw new ValidationException("max_duration_seconds", "max_duration_seconds is required");
        }
        if (maxDurationSeconds < 1 || maxDurationSeconds > MAX_EXPORT_SECONDS) {
            throw new ValidationException("max_duration_seconds",
                    "max_duration_seconds must be between 1 and " + MAX_EXPORT_SECONDS + ", got " + maxDurationSeconds);
        }
        return config.updateExport(new ExportConfig(maxDurationSeconds), actor.username());
    }

    private static LifecycleConfig.ResourceLifecycle resource(String kind, ResourceLifecycleInput in) {
        Duration ttl = duration(kind + ".default_ttl", in.defaultTtl());
        Duration inactivity = duration(kind + ".default_inactivity", in.defaultInactivity());
        Duration max = duration(kind + ".max_ttl", in.maxTtl());
        if (ttl != null && max != null && ttl.compareTo(max) > 0) {
            throw new ValidationException(kind + ".default_ttl", kind + ".default_ttl (" + ttl + ") may not exceed "
                    + kind + ".max_ttl (" + max + ")");
        }
        return new LifecycleConfig.ResourceLifecycle(ttl, inactivity, max);
    }

    private static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be an ISO-8601 duration such as PT24H, got '" + text + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new ValidationException(field, field + " must be positive and at most " + MAX_DURATION + ", got " + text);
        }
        return d;
    }

    private static int limit(String field, int value) {
        if (value < 1 || value > MAX_INSTANCES) {
            throw new ValidationException(field, field + " must be between 1 and " + MAX_INSTANCES + ", got " + value);
        }
        return value;
    }
}
