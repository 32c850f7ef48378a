package io.grapholap.persistence.config;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code platform_config}: one settings section, its settings as JSON text. */
@MappedEntity("platform_config")
record PlatformConfigRow(@Id String section, String settings, @Nullable String updatedBy, Instant updatedAt) {
}
