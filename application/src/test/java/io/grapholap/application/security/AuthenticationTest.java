package io.grapholap.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.user.CreateUser;
import io.grapholap.application.user.UpdateUser;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final PlainHasher hasher = new PlainHasher();
    private final CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(10));
    private final Actor admin = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private final AuthenticateWithPassword password = new AuthenticateWithPassword(store, hasher, cache);
    private final AuthenticateApiKey apiKey = new AuthenticateApiKey(store, cache);
    private final CreateApiKey createKey = new CreateApiKey(store, clock);
    private final RevokeApiKey revokeKey = new RevokeApiKey(store, cache, clock);
    private final UpdateUser updateUser = new UpdateUser(store, hasher, cache, clock);
    private Actor bob;

    @BeforeEach
    void users() {
        new CreateUser(store, hasher, clock).create(admin, CreateUser.Command.of("bob", "bobs-password", List.of("ops"), List.of("risk")));
        bob = password.authenticate("bob", "bobs-password").orElseThrow();
    }

    @Test
    void passwordLoginGivesTheActorWithIncludedRoles() {
        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.roles()).containsExactlyInAnyOrder(Role.OPS, Role.ANALYST);
        assertThat(bob.organizations()).containsExactly("risk");
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountAreRefusedAlike() {
        assertThat(password.authenticate("bob", "wrong-password")).isEmpty();
        assertThat(password.authenticate("nobody", "bobs-password")).isEmpty();
        assertThat(password.authenticate(null, null)).isEmpty();
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(password.authenticate("bob", "bobs-password")).isEmpty();
    }

    @Test
    void aPasswordChangeOrDisablingEndsCachedPasswordChecks() {
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, null, "a-new-password"));
        assertThat(password.authenticate("bob", "bobs-password")).isEmpty();
        assertThat(password.authenticate("bob", "a-new-password")).isPresent();
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(password.authenticate("bob", "a-new-password")).isEmpty();
    }

    @Test
    void anApiKeyIsShownOnceAndStoredOnlyAsAHash() {
        var created = createKey.create(bob, new CreateApiKey.Command(" notebook "));
        String secret = created.secret();
        assertThat(secret).startsWith("gok_").hasSize(4 + 43);
        assertThat(created.key().name()).isEqualTo("notebook");
        assertThat(created.key().prefix()).isEqualTo(secret.substring(0, 12));
        assertThat(store.storesSecret(secret)).isFalse();
        assertThat(store.storesSecret(ApiKeySecrets.hash(secret))).isTrue();
        assertThat(apiKey.authenticate(secret)).contains(bob);
    }

    @Test
    void keyLookupsAreCachedAndRevocationTakesEffectAtOnce() {
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        apiKey.authenticate(secret);
        apiKey.authenticate(secret);
        assertThat(store.hashLookups.get()).isEqualTo(1);
        assertThat(apiKey.cached(secret)).contains(java.util.Optional.of(bob));

        revokeKey.revoke(bob, store.listByOwner("bob").getFirst().id());
        assertThat(apiKey.authenticate(secret)).isEmpty();
        assertThat(store.listByOwner("bob").getFirst().revoked()).isTrue();
    }

    @Test
    void cachedAnswersExpire() {
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        apiKey.authenticate(secret);
        clock.advance(Duration.ofSeconds(11));
        apiKey.authenticate(secret);
        assertThat(store.hashLookups.get()).isEqualTo(2);
    }

    @Test
    void disablingTheOwnerStopsItsKeysAtOnce() {
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        assertThat(apiKey.authenticate(secret)).isPresent();
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(apiKey.authenticate(secret)).isEmpty();
    }

    @Test
    void disabledAccountsAreKnownToTheCache() {
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(cache.isDisabled("bob")).isTrue();
        cache.disabledAccounts(Set.of());
        new RefreshAccountStatus(store, cache).refresh();
        assertThat(cache.isDisabled("bob")).isTrue();
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, true, null));
        assertThat(cache.isDisabled("bob")).isFalse();
    }

    @Test
    void unknownAndMalformedKeysAuthenticateNobody() {
        assertThat(apiKey.authenticate("gok_unknown")).isEmpty();
        assertThat(apiKey.authenticate("eyJhbGciOi.not.a.key")).isEmpty();
        assertThat(apiKey.authenticate("gok_")).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminRevokes() {
        String id = createKey.create(bob, new CreateApiKey.Command("k")).key().id();
        Actor eve = new Actor("eve", Set.of(Role.ANALYST), Set.of());
        assertThatThrownBy(() -> revokeKey.revoke(eve, id)).isInstanceOf(NotFoundException.class);
        revokeKey.revoke(admin, id);
        revokeKey.revoke(admin, id);
        assertThat(store.findById(id).orElseThrow().revoked()).isTrue();
    }

    @Test
    void keyNamesAreRequired() {
        assertThatThrownBy(() -> new CreateApiKey.Command("  ")).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("name");
    }

    @Test
    void devModeTrustsTheNamedAccount() {
        var dev = new AuthenticateDevUser(store);
        assertThat(dev.authenticate("bob")).contains(bob);
        assertThat(dev.authenticate("stranger").orElseThrow().roles()).containsExactly(Role.ANALYST);
        assertThat(dev.authenticate("Not A Name")).isEmpty();
        updateUser.update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(dev.authenticate("bob")).isEmpty();
    }
}
