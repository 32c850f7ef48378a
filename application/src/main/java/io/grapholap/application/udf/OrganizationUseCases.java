package io.grapholap.application.udf;

import io.grapholap.application.function.Language;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.domain.user.Organization;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.Username;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Admins read and set an organisation's switches: {@code udf_creation_enabled}, and who may run its
 * UDFs ({@code udf_execution_disabled_languages}, {@code udf_execution_users}).
 */
public final class OrganizationUseCases {

    public static final int MAX_EXECUTION_USERS = 200;

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

    /**
     * Sets the switches given (null leaves one as it is): UDF creation, the languages whose UDFs may
     * not run, and the users who alone may run UDFs (empty: every member). 400 on a field that is
     * not a language or a user name, or on more than {@value #MAX_EXECUTION_USERS} users.
     */
    public OrganizationSettings update(Actor actor, String organization, Boolean udfCreationEnabled,
                                       List<String> executionDisabledLanguages, List<String> executionUsers) {
        actor.require(Role.ADMIN);
        OrganizationSettings current = settings.find(Organization.named("org", organization).name());
        Set<String> languages = current.executionDisabledLanguages();
        if (executionDisabledLanguages != null) {
            languages = new TreeSet<>();
            for (String language : executionDisabledLanguages) {
                languages.add(Language.parse(language, "udf_execution_disabled_languages").wireName());
            }
        }
        List<String> users = current.executionUsers();
        if (executionUsers != null) {
            if (executionUsers.size() > MAX_EXECUTION_USERS) {
                throw new ValidationException("udf_execution_users", "at most " + MAX_EXECUTION_USERS + " users, got "
                        + executionUsers.size());
            }
            Set<String> distinct = new TreeSet<>();
            for (String user : executionUsers) {
                if (user == null || !Username.PATTERN.matcher(user).matches()) {
                    throw new ValidationException("udf_execution_users", "not a user name: '" + user + "'");
                }
                distinct.add(user);
            }
            users = List.copyOf(distinct);
        }
        return settings.save(new OrganizationSettings(current.organization(),
                udfCreationEnabled == null ? current.udfCreationEnabled() : udfCreationEnabled, languages, users,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor.username()));
    }
}
