package io.grapholap.persistence.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.ExportConfig;
import io.grapholap.application.config.LifecycleConfig;
import io.grapholap.application.config.MaintenanceMode;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.config.PlatformDefaults;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform settings in the {@code platform_config} table, one JSON row per section; a
 * section without a row has the {@link PlatformDefaults}. Reads are served from a copy refreshed
 * at most every {@link #REFRESH} (so a change made through another server shows within that
 * time) and immediately after a change made here; when the database cannot be read the last copy
 * stays in use. Writes go to the database first and fail if it does.
 */
@Singleton
final class JdbcPlatformConfig implements PlatformConfig {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPlatformConfig.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIFECYCLE = "lifecycle";
    private static final String CONCURRENCY = "concurrency";
    private static final String MAINTENANCE = "maintenance";
    private static final String EXPORT = "export";

    private final PlatformConfigRows rows;
    private final TransactionOperations<Connection> transactions;
    private final PlatformDefaults defaults;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot current;

    JdbcPlatformConfig(PlatformConfigRows rows, TransactionOperations<Connection> transactions, PlatformDefaults defaults) {
        this.rows = rows;
        this.transactions = transactions;
        this.defaults = Objects.requireNonNull(defaults);
    }

    /** The four sections as last read, and when (System.nanoTime). */
    private record Snapshot(LifecycleConfig lifecycle, ConcurrencyConfig concurrency, MaintenanceMode maintenance,
                            ExportConfig export, long readAtNanos) {
    }

    @Override
    public LifecycleConfig lifecycle() {
        return view().lifecycle();
    }

    @Override
    public ConcurrencyConfig concurrency() {
        return view().concurrency();
    }

    @Override
    public MaintenanceMode maintenance() {
        return view().maintenance();
    }

    @Override
    public ExportConfig export() {
        return view().export();
    }

    @Override
    public LifecycleConfig updateLifecycle(LifecycleConfig config, String changedBy) {
        ObjectNode node = JSON.createObjectNode();
        node.set("mapping", resource(config.mapping()));
        node.set("snapshot", resource(config.snapshot()));
        node.set("instance", resource(config.instance()));
        write(LIFECYCLE, node, changedBy);
        return lifecycle();
    }

    @Override
    public ConcurrencyConfig updateConcurrency(ConcurrencyConfig config, String changedBy) {
        write(CONCURRENCY, JSON.createObjectNode().put("per_analyst", config.perAnalyst()).put("cluster_total", config.clusterTotal()),
                changedBy);
        return concurrency();
    }

    @Override
    public MaintenanceMode updateMaintenance(MaintenanceMode mode, String changedBy) {
        write(MAINTENANCE, JSON.createObjectNode().put("enabled", mode.enabled()).put("message", mode.message()), changedBy);
        return maintenance();
    }

    @Override
    public ExportConfig updateExport(ExportConfig config, String changedBy) {
        write(EXPORT, JSON.createObjectNode().put("max_duration_seconds", config.maxDurationSeconds()), changedBy);
        return export();
    }

    private Snapshot view() {
        Snapshot s = current;
        if (s == null || System.nanoTime() - s.readAtNanos() > REFRESH.toNanos()) {
            try {
                s = load();
                current = s;
            } catch (RuntimeException e) {
                if (s == null) {
                    throw e;
                }
                LOG.warn("could not re-read the platform settings, keeping the last ones: {}", e.getMessage());
                current = s = new Snapshot(s.lifecycle(), s.concurrency(), s.maintenance(), s.export(), System.nanoTime());
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<String, PlatformConfigRow> byName = new HashMap<>();
        transactions.executeRead(status -> {
            rows.findAll().forEach(r -> byName.put(r.section(), r));
            return null;
        });
        LifecycleConfig lifecycle = defaults.lifecycle();
        ConcurrencyConfig concurrency = defaults.concurrency();
        MaintenanceMode maintenance = MaintenanceMode.OFF;
        ExportConfig export = defaults.export();
        if (byName.get(LIFECYCLE) instanceof PlatformConfigRow row) {
            JsonNode n = parse(row);
            lifecycle = new LifecycleConfig(resource(n.path("mapping")), resource(n.path("snapshot")), resource(n.path("instance")));
        }
        if (byName.get(CONCURRENCY) instanceof PlatformConfigRow row) {
            JsonNode n = parse(row);
            concurrency = new ConcurrencyConfig(n.path("per_analyst").asInt(), n.path("cluster_total").asInt());
        }
        if (byName.get(MAINTENANCE) instanceof PlatformConfigRow row) {
            JsonNode n = parse(row);
            maintenance = new MaintenanceMode(n.path("enabled").asBoolean(), n.path("message").asText(""), row.updatedBy(),
                    row.updatedAt());
        }
        if (byName.get(EXPORT) instanceof PlatformConfigRow row) {
            export = new ExportConfig(parse(row).path("max_duration_seconds").asLong());
        }
        return new Snapshot(lifecycle, concurrency, maintenance, export, System.nanoTime());
    }

    private void write(String name, ObjectNode value, String changedBy) {
        String text = value.toString();
        PlatformConfigRow row = new PlatformConfigRow(name, text, changedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            upsert(row);
        } catch (RuntimeException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            // Another server inserted the row first; ours is the later change.
            upsert(row);
        }
        current = load();
    }

    private void upsert(PlatformConfigRow row) {
        transactions.executeWrite(status -> {
            if (rows.existsById(row.section())) {
                rows.update(row);
            } else {
                rows.save(row);
            }
            return null;
        });
    }

    private static JsonNode parse(PlatformConfigRow row) {
        try {
            return JSON.readTree(row.settings());
        } catch (IOException e) {
            throw new UncheckedIOException("platform_config row " + row.section() + " is not JSON", e);
        }
    }

    private static ObjectNode resource(LifecycleConfig.ResourceLifecycle r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("default_ttl", text(r.defaultTtl()));
        node.put("default_inactivity", text(r.defaultInactivity()));
        node.put("max_ttl", text(r.maxTtl()));
        return node;
    }

    private static LifecycleConfig.ResourceLifecycle resource(JsonNode n) {
        return new LifecycleConfig.ResourceLifecycle(duration(n.path("default_ttl")), duration(n.path("default_inactivity")),
                duration(n.path("max_ttl")));
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(JsonNode n) {
        return n.isTextual() ? Duration.parse(n.asText()) : null;
    }
}
