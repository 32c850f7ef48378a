package io.grapholap.server.config;

import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.schema.RefreshSchemaCache;
import java.time.Duration;

/**
 * Background job {@code schema_cache}: reloads the schema cache every
 * {@code grapholap.schema.refresh-interval} ({@link io.grapholap.server.settings.SchemaProperties}),
 * run by the ops job scheduler.
 */
final class SchemaRefreshJob implements BackgroundJob {

    private final RefreshSchemaCache refresh;
    private final Duration interval;

    SchemaRefreshJob(RefreshSchemaCache refresh, Duration interval) {
        this.refresh = refresh;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "schema_cache";
    }

    @Override
    public String description() {
        return "reloads the source database schema cache";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public String run() {
        RefreshSchemaCache.Stats stats = refresh.refreshScheduled();
        if (stats.lastError() != null) {
            throw new IllegalStateException("schema cache reload failed (the previous view stays): " + stats.lastError());
        }
        return "schema cache reloaded: " + stats.tables() + " tables in " + stats.lastRefreshMillis() + " ms";
    }
}
