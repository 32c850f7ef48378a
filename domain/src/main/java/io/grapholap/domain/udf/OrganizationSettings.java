package io.grapholap.domain.udf;

import java.time.Instant;
import java.util.Objects;

/**
 * Per-organisation switches set by admins. {@code udfCreationEnabled}: members may create UDFs (on
 * unless an admin turned it off). {@code updatedAt}/{@code updatedBy} are null for the defaults.
 */
public record OrganizationSettings(String organization, boolean udfCreationEnabled, Instant updatedAt, String updatedBy) {

    public OrganizationSettings {
        Objects.requireNonNull(organization, "organization");
    }

    public static OrganizationSettings defaults(String organization) {
        return new OrganizationSettings(organization, true, null, null);
    }
}
