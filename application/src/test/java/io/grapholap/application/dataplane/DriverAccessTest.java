package io.grapholap.application.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.common.Page;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.AuthenticateApiKey;
import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.application.security.CreateApiKey;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.FindCurrentAccount;
import io.grapholap.application.security.InMemorySecurityStore;
import io.grapholap.application.security.MutableClock;
import io.grapholap.application.security.PlainHasher;
import io.grapholap.application.user.CreateUser;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules a Gremlin driver connection works under: credentials, timeouts, the shared query limit and the audit. */
class DriverAccessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final PlainHasher hasher = new PlainHasher();
    private final CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
    private final FindCurrentAccount accounts = new FindCurrentAccount(store, cache);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ConcurrencyLimit running = new ConcurrencyLimit("queries", "user", 10, 1);
    private final DataPlaneSettings settings = new DataPlaneSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), 500, 10_000,
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofSeconds(30), 100, Duration.ofHours(1));
    /** A graph the rules never touch: the work given to {@link DriverAccess#run} is the test's own. */
    private final GraphInstance untouched = (GraphInstance) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {GraphInstance.class}, (proxy, method, args) -> {
                throw new AssertionError("the graph is not for the access rules to call: " + method.getName());
            });
    private final LiveInstances instances = (id, actor) -> {
        if (id != 3) {
            throw new NotFoundException("instance", id);
        }
        return new LiveInstance(3, "ana", "cpu", untouched);
    };
    private DriverAccess access;
    private Actor ana;
    private String anasKey;

    @BeforeEach
    void setUp() {
        new CreateUser(store, hasher, cache, clock).create(new Actor("admin", Set.of(Role.ADMIN), Set.of()),
                CreateUser.Command.of("ana", "anas-password", List.of("analyst"), List.of()));
        AuthenticateWithPassword passwords = new AuthenticateWithPassword(store, hasher, cache, accounts);
        ana = passwords.authenticate("ana", "anas-password").orElseThrow();
        anasKey = new CreateApiKey(store, clock).create(ana, new CreateApiKey.Command("driver")).secret();
        AuditLog log = new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
                audit.add(entry);
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query) {
                return new Page<>(List.copyOf(audit), audit.size(), 0, audit.size());
            }
        };
        access = new DriverAccess(passwords, new AuthenticateApiKey(store, cache, accounts), instances, settings, running, log, clock);
    }

    @Test
    void aPasswordOrAnApiKeyAuthenticatesAndEveryAttemptIsAudited() {
        assertThat(access.authenticate("ana", "anas-password")).contains(ana);
        assertThat(access.authenticate("whoever", anasKey)).map(Actor::username).contains("ana");
        assertThat(access.authenticate("ana", "wrong")).isEmpty();
        assertThat(access.authenticate("nobody", "gok_not-a-real-key")).isEmpty();

        assertThat(audit).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::method, AuditEntry::path, AuditEntry::status)
                .containsExactly(tuple("ana", "GREMLIN authentication", "GREMLIN", "/gremlin", 200),
                        tuple("ana", "GREMLIN authentication", "GREMLIN", "/gremlin", 200),
                        tuple("ana", "GREMLIN authentication", "GREMLIN", "/gremlin", 401),
                        tuple("nobody", "GREMLIN authentication", "GREMLIN", "/gremlin", 401));
    }

    @Test
    void theTimeoutIsTheRequestsTheDefaultOrForZeroTheMaximumAndNeverMore() {
        DriverAccess.Work<QueryLimits> limitsGiven = (instance, limits) -> limits;
        QueryLimits byDefault = access.run(ana, 3, "eval", null, limitsGiven);
        QueryLimits zero = access.run(ana, 3, "eval", 0L, limitsGiven);
        QueryLimits asked = access.run(ana, 3, "eval", 1500L, limitsGiven);
        assertThat(byDefault).isEqualTo(new QueryLimits(Duration.ofSeconds(60), 500));
        assertThat(zero.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(asked.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> access.run(ana, 3, "eval", 600_001L, limitsGiven))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("evaluationTimeout"));
        assertThat(audit).extracting(AuditEntry::targetType, AuditEntry::targetId, AuditEntry::status)
                .containsExactly(tuple("instances", "3", 200), tuple("instances", "3", 200), tuple("instances", "3", 200),
                        tuple("instances", "3", 400));
    }

    @Test
    void runningQueriesCountAgainstTheSharedLimitAndFailuresAreAuditedWithTheirHttpStatus() {
        assertThatThrownBy(() -> access.run(ana, 3, "bytecode", null,
                (instance, limits) -> access.run(ana, 3, "bytecode", null, (again, l) -> "second")))
                .isInstanceOf(RateLimitedException.class);
        assertThat(running.running()).as("both places are given back").isZero();
        assertThatThrownBy(() -> access.run(ana, 4, "bytecode", null, (instance, limits) -> "never")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.run(ana, 3, "eval", null, (instance, limits) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit).extracting(AuditEntry::action, AuditEntry::targetId, AuditEntry::status)
                .containsExactly(tuple("GREMLIN bytecode", "3", 429), tuple("GREMLIN bytecode", "3", 429),
                        tuple("GREMLIN bytecode", "4", 404), tuple("GREMLIN eval", "3", 500));
    }
}
