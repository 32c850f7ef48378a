package io.grapholap.rest.schema;

import io.grapholap.application.schema.RefreshSchemaCache;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reloads the schema cache every {@code grapholap.schema.refresh-interval} (default 10 minutes). */
@Singleton
final class SchemaRefreshJob {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRefreshJob.class);

    private final RefreshSchemaCache refresh;

    SchemaRefreshJob(RefreshSchemaCache refresh) {
        this.refresh = refresh;
    }

    @Scheduled(fixedDelay = "${grapholap.schema.refresh-interval:10m}", initialDelay = "${grapholap.schema.refresh-interval:10m}")
    void refresh() {
        try {
            refresh.refreshScheduled();
        } catch (RuntimeException e) {
            LOG.warn("Scheduled schema cache refresh failed: {}", e.getMessage());
        }
    }
}
