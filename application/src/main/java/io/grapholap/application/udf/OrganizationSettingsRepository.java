package io.grapholap.application.udf;

import io.grapholap.domain.udf.OrganizationSettings;

/** Out-port: per-organisation switches; an organisation never set has the defaults. */
public interface OrganizationSettingsRepository {

    OrganizationSettings find(String organization);

    /** Creates or replaces the settings of {@code settings.organization()}. */
    OrganizationSettings save(OrganizationSettings settings);
}
