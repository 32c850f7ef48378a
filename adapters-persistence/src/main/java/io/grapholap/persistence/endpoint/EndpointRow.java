package io.grapholap.persistence.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code custom_endpoints}; the method by name, the function by uuid. */
@MappedEntity("custom_endpoints")
record EndpointRow(@Id @GeneratedValue @Nullable Long id, String route, String shape, int segmentCount, String method,
                   String organization, String functionId, String owner, Instant createdAt) {
}
