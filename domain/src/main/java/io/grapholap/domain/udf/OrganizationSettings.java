package io.grapholap.domain.udf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Per-organisation switches set by admins. {@code udfCreationEnabled}: members may create UDFs (on
 * unless an admin turned it off). {@code executionDisabledLanguages}: the languages ({@code js},
 * {@code python}) whose UDFs may not run in the organisation (seed 000's
 * {@code flag_python_endpoint_disabled}); {@code executionUsers}: when not empty, the only users who
 * may run the organisation's UDFs (seed 000's {@code flag_python_endpoint_enabled_users}).
 * {@code updatedAt}/{@code updatedBy} are null for the defaults.
 */
public record OrganizationSettings(String organization, boolean udfCreationEnabled, Set<String> executionDisabledLanguages,
                                   List<String> executionUsers, Instant updatedAt, String updatedBy) {

    public OrganizationSettings {
        Objects.requireNonNull(organization, "organization");
        executionDisabledLanguages = executionDisabledLanguages == null ? Set.of() : Set.copyOf(executionDisabledLanguages);
        executionUsers = executionUsers == null ? List.of() : List.copyOf(executionUsers);
    }

    public static OrganizationSettings defaults(String organization) {
        return new OrganizationSettings(organization, true, Set.of(), List.of(), null, null);
    }

    /** Why {@code username} may not run a UDF of {@code language} here, or null when they may. */
    public String executionRefusal(String language, String username) {
        if (executionDisabledLanguages.contains(language)) {
            return "running " + language + " UDFs is turned off in organisation " + organization;
        }
        if (!executionUsers.isEmpty() && !executionUsers.contains(username)) {
            return "only the users listed in organisation " + organization + "'s udf_execution_users may run its UDFs";
        }
        return null;
    }
}
