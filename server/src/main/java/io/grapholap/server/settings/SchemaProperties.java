package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** Settings under {@code grapholap.schema}: {@code refresh-interval} (10m) paces the {@code schema_cache} job. */
@Context
@ConfigurationProperties("grapholap.schema")
public record SchemaProperties(@Bindable(defaultValue = "10m") Duration refreshInterval) {

    public SchemaProperties {
        Check.positive("grapholap.schema.refresh-interval", refreshInterval);
    }
}
