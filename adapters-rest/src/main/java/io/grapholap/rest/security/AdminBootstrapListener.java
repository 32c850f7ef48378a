package io.grapholap.rest.security;

import io.grapholap.application.user.BootstrapAdmin;
import io.grapholap.rest.home.FirstContact;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin when the context starts (before the server accepts requests). A
 * generated password is written once to the log and never again; {@link FirstContact} learns which
 * of these happened, for the next steps the server prints.
 */
@Singleton
final class AdminBootstrapListener implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrapListener.class);

    private final BootstrapAdmin bootstrap;
    private final Optional<String> configuredPassword;
    private final FirstContact firstContact;

    AdminBootstrapListener(BootstrapAdmin bootstrap,
                           @Value("${grapholap.security.admin-password:}") String configuredPassword,
                           FirstContact firstContact) {
        this.bootstrap = bootstrap;
        this.firstContact = firstContact;
        this.configuredPassword = configuredPassword == null || configuredPassword.isEmpty()
                ? Optional.empty() : Optional.of(configuredPassword);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        BootstrapAdmin.Outcome outcome = bootstrap.run(configuredPassword);
        firstContact.adminCreated(outcome.created(), outcome.generatedPassword().isPresent());
        if (!outcome.created()) {
            return;
        }
        outcome.generatedPassword().ifPresentOrElse(
                password -> LOG.warn("Created the first admin account: user 'admin', password '{}'. "
                        + "This is the only time it is shown; set GRAPHOLAP_ADMIN_PASSWORD to choose it instead.", password),
                () -> LOG.info("Created the first admin account 'admin' with the password from GRAPHOLAP_ADMIN_PASSWORD"));
    }
}
