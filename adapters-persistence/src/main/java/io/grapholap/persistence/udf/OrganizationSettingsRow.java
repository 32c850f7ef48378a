package io.grapholap.persistence.udf;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code organization_settings}; the execution lists are comma-separated. */
@MappedEntity("organization_settings")
record OrganizationSettingsRow(@Id String organization, boolean udfCreationEnabled, Instant updatedAt, String updatedBy,
                               String udfExecutionDisabledLanguages, String udfExecutionUsers) {
}
