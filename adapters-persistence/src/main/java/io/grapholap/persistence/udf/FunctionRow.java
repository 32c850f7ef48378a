package io.grapholap.persistence.udf;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code functions}: parameters as JSON text; editors, runners and imports as
 * {@code ,a,b,} lists (empty: {@code ,}) so that one name is found with LIKE.
 */
@MappedEntity("functions")
record FunctionRow(@Id String uuid, @Nullable String alias, String organization, String language, String author,
                   boolean enabled, @Nullable String loadDataset, @Nullable String loadDataCode, String executeCode,
                   String engine, String outputType, String outputFormat, String parameters, String editors,
                   String runners, String imports, Instant createdAt, Instant updatedAt) {
}
