package io.grapholap.application.udf;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Organization;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.udf.OrganizationSettings;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Admins read and set an organisation's switches ({@code udf_creation_enabled}). */
public final class OrganizationUseCases {

    private final OrganizationSettingsRepository settings;
    private final Clock clock;

    public OrganizationUseCases(OrganizationSettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public OrganizationSettings get(Actor actor, String organization) {
        actor.require(Role.ADMIN);
        return settings.find(Organization.named("org", organization).name());
    }

    /** Sets the switches given (null leaves one as it is). */
    public OrganizationSettings update(Actor actor, String organization, Boolean udfCreationEnabled) {
        actor.require(Role.ADMIN);
        OrganizationSettings current = settings.find(Organization.named("org", organization).name());
        return settings.save(new OrganizationSettings(current.organization(),
                udfCreationEnabled == null ? current.udfCreationEnabled() : udfCreationEnabled,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username()));
    }
}
