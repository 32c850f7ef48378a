package io.grapholap.application.user;

import io.grapholap.application.security.PasswordHasher;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * On a metadata database without any account, creates the {@code admin} user: with the configured
 * password, or with a generated one that is returned (so the caller can show it once) and never
 * stored in clear.
 */
public final class BootstrapAdmin {

    public static final String ADMIN = "admin";

    /** What happened: nothing (accounts exist), created with the configured password, or generated. */
    public record Outcome(boolean created, Optional<String> generatedPassword) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BootstrapAdmin(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Outcome run(Optional<String> configuredPassword) {
        configuredPassword.ifPresent(p -> Passwords.check("GRAPHOLAP_ADMIN_PASSWORD", p));
        if (users.count() > 0) {
            return new Outcome(false, Optional.empty());
        }
        Optional<String> generated = Optional.empty();
        String password;
        if (configuredPassword.isPresent()) {
            password = configuredPassword.get();
        } else {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            generated = Optional.of(password);
        }
        Instant now = clock.instant();
        try {
            users.create(new User(ADMIN, Set.of(Role.ADMIN), Set.of(), true, now, now), hasher.hash(password));
        } catch (ConflictException raced) {
            // Another server on the same database created it first; theirs stands.
            return new Outcome(false, Optional.empty());
        }
        return new Outcome(true, generated);
    }
}
