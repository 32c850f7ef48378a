package io.grapholap.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.ApiKey;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every UserRepository and ApiKeyRepository must do: run against the in-memory store of the
 * application tests and against the JDBC ones on H2 and PostgreSQL. Each test uses names of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecurityRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    private UserRepository users;
    private ApiKeyRepository keys;

    /** The two repositories under test, over one empty store. */
    public record Repositories(UserRepository users, ApiKeyRepository keys) {
    }

    protected abstract Repositories open();

    /** Releases what {@link #open} took. */
    protected void close() {
    }

    @BeforeAll
    void start() {
        Repositories opened = open();
        users = opened.users();
        keys = opened.keys();
    }

    @AfterAll
    void stop() {
        close();
    }

    private User user(String name, Set<Role> roles, Set<String> orgs) {
        return new User(name, roles, orgs, true, T0, T0);
    }

    @Test
    void storesAndReadsBackAUser() {
        users.create(user("amy", Set.of(Role.OPS, Role.ANALYST), Set.of("risk", "fraud")), "$2a$10$hash");
        var stored = users.find("amy").orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo("$2a$10$hash");
        assertThat(stored.user()).isEqualTo(user("amy", Set.of(Role.OPS, Role.ANALYST), Set.of("risk", "fraud")));
        assertThat(users.find("nobody")).isEmpty();
    }

    @Test
    void aTakenUsernameIsAConflict() {
        users.create(user("ben", Set.of(Role.ANALYST), Set.of()), "h");
        assertThatThrownBy(() -> users.create(user("ben", Set.of(Role.ADMIN), Set.of()), "h2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ben");
    }

    @Test
    void updatesAccessAndPassword() {
        users.create(user("cat", Set.of(Role.ANALYST), Set.of("a")), "old");
        Instant later = T0.plusSeconds(60);
        users.update(new User("cat", Set.of(Role.ADMIN), Set.of(), false, T0, later));
        users.changePassword("cat", "new");
        var stored = users.find("cat").orElseThrow();
        assertThat(stored.user().roles()).containsExactly(Role.ADMIN);
        assertThat(stored.user().organizations()).isEmpty();
        assertThat(stored.user().enabled()).isFalse();
        assertThat(stored.user().updatedAt()).isEqualTo(later);
        assertThat(stored.passwordHash()).isEqualTo("new");
    }

    @Test
    void listsUsersByNameInPages() {
        for (String name : List.of("list-c", "list-a", "list-b")) {
            users.create(user(name, Set.of(Role.ANALYST), Set.of()), "h");
        }
        long total = users.count();
        var first = users.list(new PageRequest(0, 2, "username", false));
        assertThat(first.total()).isEqualTo(total);
        assertThat(first.items()).hasSize(2);
        var all = users.list(new PageRequest(0, 100, "username", false)).items().stream().map(User::username).toList();
        assertThat(all).isSorted().containsSubsequence("list-a", "list-b", "list-c");
        var descending = users.list(new PageRequest(0, 100, "username", true)).items().stream().map(User::username).toList();
        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void findsActiveKeysByHashWithTheirOwner() {
        users.create(user("dan", Set.of(Role.OPS), Set.of("risk")), "h");
        ApiKey older = new ApiKey("k-dan-1", "dan", "first", "gok_aaaaaaaa", T0, null);
        ApiKey newer = new ApiKey("k-dan-2", "dan", "second", "gok_bbbbbbbb", T0.plusSeconds(5), null);
        keys.create(older, "hash-dan-1");
        keys.create(newer, "hash-dan-2");

        var active = keys.findActiveByHash("hash-dan-1").orElseThrow();
        assertThat(active.key()).isEqualTo(older);
        assertThat(active.owner().username()).isEqualTo("dan");
        assertThat(active.owner().organizations()).containsExactly("risk");
        assertThat(keys.findActiveByHash("no-such-hash")).isEmpty();
        assertThat(keys.listByOwner("dan")).extracting(ApiKey::id).containsExactly("k-dan-2", "k-dan-1");

        keys.revoke("k-dan-1", T0.plusSeconds(10));
        assertThat(keys.findActiveByHash("hash-dan-1")).isEmpty();
        assertThat(keys.findById("k-dan-1").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(10));
        keys.revoke("k-dan-1", T0.plusSeconds(20));
        assertThat(keys.findById("k-dan-1").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(keys.findById("missing")).isEmpty();
    }
}
