package io.grapholap.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.InMemorySecurityStore;
import io.grapholap.application.security.MutableClock;
import io.grapholap.application.security.PlainHasher;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserUseCasesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final PlainHasher hasher = new PlainHasher();
    private final CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
    private final CreateUser createUser = new CreateUser(store, hasher, cache, clock);
    private final UpdateUser updateUser = new UpdateUser(store, hasher, cache, clock);
    private final Actor admin = new Actor("admin", Set.of(Role.ADMIN, Role.OPS, Role.ANALYST), Set.of());
    private final Actor analyst = new Actor("ann", Set.of(Role.ANALYST), Set.of());

    private static ValidationException validation(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void createsAUserWithAHashedPasswordAndDefaultAnalystRole() {
        var user = createUser.create(admin, CreateUser.Command.of("bob", "long-enough", null, List.of("risk")));
        assertThat(user.roles()).containsExactly(Role.ANALYST);
        assertThat(user.organizations()).containsExactly("risk");
        assertThat(user.enabled()).isTrue();
        assertThat(store.passwordHashOf("bob")).isEqualTo("hashed:long-enough");
    }

    @Test
    void validationNamesTheField() {
        assertThat(validation(() -> CreateUser.Command.of("bob", "short", null, null)).field()).isEqualTo("password");
        assertThat(validation(() -> CreateUser.Command.of("Bob!", "long-enough", null, null)).field()).isEqualTo("username");
        assertThat(validation(() -> CreateUser.Command.of("bob", "long-enough", List.of("root"), null)).field()).isEqualTo("roles");
        assertThat(validation(() -> CreateUser.Command.of("bob", "long-enough", List.of(), null)).field()).isEqualTo("roles");
        assertThat(validation(() -> CreateUser.Command.of("bob", "long-enough", null, List.of("Big Org"))).field()).isEqualTo("organizations");
        assertThat(validation(() -> CreateUser.Command.of("bob", "x".repeat(73), null, null)).getMessage()).contains("72 bytes");
    }

    @Test
    void onlyAdminsCreateAndList() {
        var command = CreateUser.Command.of("bob", "long-enough", null, null);
        assertThatThrownBy(() -> createUser.create(analyst, command)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> new ListUsers(store).list(analyst, new PageRequest(0, 10, "username", false)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void duplicateUsernameIsAConflict() {
        createUser.create(admin, CreateUser.Command.of("bob", "long-enough", null, null));
        assertThatThrownBy(() -> createUser.create(admin, CreateUser.Command.of("bob", "other-password", null, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() {
        createUser.create(admin, CreateUser.Command.of("bob", "long-enough", List.of("analyst"), List.of("risk")));
        clock.advance(Duration.ofMinutes(5));
        var updated = updateUser.update(admin, "bob", UpdateUser.Command.of(List.of("ops"), null, null, null));
        assertThat(updated.roles()).containsExactly(Role.OPS);
        assertThat(updated.organizations()).containsExactly("risk");
        assertThat(updated.enabled()).isTrue();
        assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(updated.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

        updateUser.update(admin, "bob", UpdateUser.Command.of(null, List.of(), false, "a-new-password"));
        var stored = store.find("bob").orElseThrow();
        assertThat(stored.user().organizations()).isEmpty();
        assertThat(stored.user().enabled()).isFalse();
        assertThat(stored.passwordHash()).isEqualTo("hashed:a-new-password");
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        createUser.create(admin, CreateUser.Command.of("admin", "long-enough", List.of("admin"), null));
        assertThat(validation(() -> updateUser.update(admin, "admin", UpdateUser.Command.of(null, null, false, null))).field())
                .isEqualTo("enabled");
        assertThat(validation(() -> updateUser.update(admin, "admin", UpdateUser.Command.of(List.of("ops"), null, null, null))).field())
                .isEqualTo("roles");
    }

    @Test
    void updatingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> updateUser.update(admin, "ghost", UpdateUser.Command.of(null, null, true, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void bootstrapCreatesTheAdminOnceWithTheConfiguredPassword() {
        var bootstrap = new BootstrapAdmin(store, hasher, clock);
        var first = bootstrap.run(Optional.of("configured-secret"));
        assertThat(first.created()).isTrue();
        assertThat(first.generatedPassword()).isEmpty();
        assertThat(store.find("admin").orElseThrow().user().roles()).containsExactly(Role.ADMIN);
        assertThat(store.passwordHashOf("admin")).isEqualTo("hashed:configured-secret");

        assertThat(bootstrap.run(Optional.of("another-secret")).created()).isFalse();
        assertThat(store.passwordHashOf("admin")).isEqualTo("hashed:configured-secret");
    }

    @Test
    void bootstrapGeneratesAPasswordWhenNoneIsConfigured() {
        var outcome = new BootstrapAdmin(store, hasher, clock).run(Optional.empty());
        assertThat(outcome.created()).isTrue();
        String generated = outcome.generatedPassword().orElseThrow();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(store.passwordHashOf("admin")).isEqualTo("hashed:" + generated);
    }

    @Test
    void bootstrapRefusesATooShortConfiguredPassword() {
        assertThat(validation(() -> new BootstrapAdmin(store, hasher, clock).run(Optional.of("short"))).field())
                .isEqualTo("GRAPHOLAP_ADMIN_PASSWORD");
    }

    @Test
    void meFallsBackToTheActorForPrincipalsWithoutAccount() {
        var me = new GetCurrentUser(store).me(new Actor("internal", Set.of(Role.ADMIN), Set.of()));
        assertThat(me.account()).isEmpty();
        assertThat(me.actor().username()).isEqualTo("internal");
    }
}
