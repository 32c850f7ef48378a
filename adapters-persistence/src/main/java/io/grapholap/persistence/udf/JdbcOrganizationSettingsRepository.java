package io.grapholap.persistence.udf;

import io.grapholap.application.udf.OrganizationSettingsRepository;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.persistence.UniqueViolation;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Organisation switches in the metadata database; absent rows are the defaults. */
@Singleton
final class JdbcOrganizationSettingsRepository implements OrganizationSettingsRepository {

    private final OrganizationSettingsRows rows;

    JdbcOrganizationSettingsRepository(OrganizationSettingsRows rows) {
        this.rows = rows;
    }

    @Override
    public OrganizationSettings find(String organization) {
        return rows.findById(organization)
                .map(r -> new OrganizationSettings(r.organization(), r.udfCreationEnabled(),
                        Set.copyOf(split(r.udfExecutionDisabledLanguages())), split(r.udfExecutionUsers()), r.updatedAt(), r.updatedBy()))
                .orElseGet(() -> OrganizationSettings.defaults(organization));
    }

    @Override
    public OrganizationSettings save(OrganizationSettings s) {
        OrganizationSettingsRow row = new OrganizationSettingsRow(s.organization(), s.udfCreationEnabled(),
                s.updatedAt().truncatedTo(ChronoUnit.MICROS), s.updatedBy(),
                String.join(",", new TreeSet<>(s.executionDisabledLanguages())), String.join(",", s.executionUsers()));
        if (rows.existsById(s.organization())) {
            rows.update(row);
        } else {
            try {
                rows.save(row);
            } catch (RuntimeException e) {
                if (!UniqueViolation.causes(e)) {
                    throw e;
                }
                rows.update(row);
            }
        }
        return find(s.organization());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
