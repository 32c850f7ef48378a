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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final PlainHasher hasher = new PlainHasher();
    private final CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
    private final Actor admin = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private final FindCurrentAccount accounts = new FindCurrentAccount(store, cache);
    private final AuthenticateWithPassword password = new AuthenticateWithPassword(store, hasher, cache, accounts);
    private final AuthenticateApiKey apiKey = new AuthenticateApiKey(store, cache, accounts);
    private final CreateApiKey createKey = new CreateApiKey(store, clock);
    private final RevokeApiKey revokeKey = new RevokeApiKey(store, cache, clock);
    private final CreateUser createUser = new CreateUser(store, hasher, cache, clock);
    private final UpdateUser updateUser = new UpdateUser(store, hasher, cache, clock);
    private Actor bob;

    @BeforeEach
    void users() {
        createUser.create(admin, CreateUser.Command.of("bob", "bobs-password", List.of("ops"), List.of("risk")));
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
        assertThat(apiKey.cached(secret)).contains(Optional.of(bob));

        revokeKey.revoke(bob, store.listByOwner("bob").getFirst().id());
        assertThat(apiKey.authenticate(secret)).isEmpty();
        assertThat(store.listByOwner("bob").getFirst().revoked()).isTrue();
    }

    @Test
    void aChangeOnOneNodeIsPublishedAndDropsTheEntriesOfAnotherNodesCache() {
        List<String> published = new java.util.ArrayList<>();
        CredentialChanges relay = new CredentialChanges() {
            @Override
            public void publish(String change) {
                published.add(change);
            }

            @Override
            public java.util.Optional<Subscription> subscribe() {
                return java.util.Optional.empty();
            }
        };
        CredentialCache nodeA = new CredentialCache(clock, Duration.ofSeconds(5), relay);
        CredentialCache nodeB = new CredentialCache(clock, Duration.ofSeconds(5));
        AuthenticateApiKey keysOnB = new AuthenticateApiKey(store, nodeB, new FindCurrentAccount(store, nodeB));
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        assertThat(keysOnB.authenticate(secret)).contains(bob);

        new RevokeApiKey(store, nodeA, clock).revoke(bob, store.listByOwner("bob").getFirst().id());
        assertThat(keysOnB.cached(secret)).as("B has not heard yet").contains(Optional.of(bob));
        published.forEach(nodeB::apply);
        assertThat(keysOnB.cached(secret)).isEmpty();
        assertThat(keysOnB.authenticate(secret)).isEmpty();

        String other = createKey.create(bob, new CreateApiKey.Command("k2")).secret();
        assertThat(keysOnB.authenticate(other)).contains(bob);
        nodeB.apply("account:bob");
        assertThat(keysOnB.cached(other)).as("an account change drops its credentials").isEmpty();
        assertThat(keysOnB.authenticate(other)).contains(bob);
        nodeB.clear();
        assertThat(keysOnB.cached(other)).isEmpty();
        new UpdateUser(store, hasher, nodeA, clock).update(admin, "bob", UpdateUser.Command.of(null, null, false, null));
        assertThat(published).last().isEqualTo("account:bob");
    }

    @Test
    void aRevocationStandsWhenTheOtherNodesCannotBeTold() {
        CredentialChanges down = new CredentialChanges() {
            @Override
            public void publish(String change) {
                throw new IllegalStateException("database connection lost");
            }

            @Override
            public java.util.Optional<Subscription> subscribe() {
                return java.util.Optional.empty();
            }
        };
        CredentialCache here = new CredentialCache(clock, Duration.ofSeconds(5), down);
        AuthenticateApiKey keys = new AuthenticateApiKey(store, here, new FindCurrentAccount(store, here));
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        assertThat(keys.authenticate(secret)).contains(bob);
        new RevokeApiKey(store, here, clock).revoke(bob, store.listByOwner("bob").getFirst().id());
        assertThat(keys.authenticate(secret)).isEmpty();
    }

    @Test
    void cachedAnswersExpire() {
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        apiKey.authenticate(secret);
        clock.advance(Duration.ofSeconds(6));
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
    void accountsAreReadOncePerCacheLifetime() {
        int before = store.userLookups.get();
        assertThat(accounts.find("bob")).contains(new CurrentAccount(bob, true));
        assertThat(accounts.find("bob")).isPresent();
        assertThat(accounts.cached("bob")).contains(Optional.of(new CurrentAccount(bob, true)));
        assertThat(store.userLookups.get()).isEqualTo(before);
        clock.advance(Duration.ofSeconds(6));
        assertThat(accounts.cached("bob")).isEmpty();
        accounts.find("bob");
        assertThat(store.userLookups.get()).isEqualTo(before + 1);
    }

    @Test
    void credentialsActWithTheAccountsCurrentRolesAndOrganisations() {
        String secret = createKey.create(bob, new CreateApiKey.Command("k")).secret();
        assertThat(apiKey.authenticate(secret)).contains(bob);
        updateUser.update(admin, "bob", UpdateUser.Command.of(List.of("analyst"), List.of(), null, null));
        Actor demoted = new Actor("bob", Set.of(Role.ANALYST), Set.of());
        assertThat(accounts.find("bob").orElseThrow().actor()).isEqualTo(demoted);
        assertThat(apiKey.authenticate(secret)).contains(demoted);
        assertThat(password.authenticate("bob", "bobs-password")).contains(demoted);
    }

    @Test
    void anAccountRemovedElsewhereIsGoneOnceTheCacheExpires() {
        store.delete("bob");
        assertThat(password.authenticate("bob", "bobs-password")).as("cached for a few seconds").isPresent();
        clock.advance(Duration.ofSeconds(6));
        assertThat(accounts.find("bob")).isEmpty();
        assertThat(password.authenticate("bob", "bobs-password")).isEmpty();
    }

    @Test
    void creatingAnAccountForgetsThatThereWasNone() {
        assertThat(accounts.find("carl")).isEmpty();
        createUser.create(admin, CreateUser.Command.of("carl", "carls-password", List.of("analyst"), List.of()));
        assertThat(accounts.find("carl")).isPresent();
    }

    @Test
    void anAnswerReadBeforeAChangeIsNotRememberedAfterIt() {
        clock.advance(Duration.ofSeconds(6));
        store.afterUserRead = () -> cache.accountChanged("bob");
        assertThat(accounts.find("bob")).isPresent();
        store.afterUserRead = () -> { };
        assertThat(accounts.cached("bob")).isEmpty();
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
