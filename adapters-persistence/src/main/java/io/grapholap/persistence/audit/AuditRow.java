package io.grapholap.persistence.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code audit_log}; the id is assigned by the database. */
@MappedEntity("audit_log")
record AuditRow(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String actor, String action,
                @Nullable String method, @Nullable String path, @Nullable String targetType, @Nullable String targetId,
                int status) {
}
