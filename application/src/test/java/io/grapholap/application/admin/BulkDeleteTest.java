package io.grapholap.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.Page;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.MutableClock;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bulk delete's safety rules over an in-memory resource kind. */
class BulkDeleteTest {

    private static final Actor ADMIN = new Actor("root", Set.of(Role.ADMIN), Set.of());
    private static final Actor OPS = new Actor("olga", Set.of(Role.OPS), Set.of());
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(10)));
    private final List<AuditEntry> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
            audited.add(entry);
        }

        @Override
        public Page<AuditEntry> search(AuditQuery query) {
            throw new UnsupportedOperationException();
        }
    };

    /** Things named "{owner}-{n}", created n hours after T0; ids listed in {@code locked} refuse deletion. */
    private static final class Things implements BulkDeletable {
        final Map<Long, Candidate> rows = new TreeMap<>();
        final Set<Long> locked;

        Things(int count, Set<Long> locked) {
            this.locked = locked;
            for (long i = 1; i <= count; i++) {
                String owner = i % 2 == 0 ? "even" : "odd";
                rows.put(i, new Candidate(i, owner + "-" + i, owner, "ready", T0.plus(Duration.ofHours(i))));
            }
        }

        @Override
        public String resourceType() {
            return "thing";
        }

        @Override
        public List<Candidate> find(Filter f, int limit) {
            return rows.values().stream()
                    .filter(c -> f.owner() == null || c.owner().equals(f.owner()))
                    .filter(c -> f.namePrefix() == null || c.name().startsWith(f.namePrefix()))
                    .filter(c -> f.createdBefore() == null || c.createdAt().isBefore(f.createdBefore()))
                    .filter(c -> f.status() == null || c.status().equals(f.status()))
                    .limit(limit).toList();
        }

        @Override
        public void delete(Actor actor, long id) {
            if (locked.contains(id)) {
                throw new ConflictException("RESOURCE_HAS_DEPENDENCIES", "thing " + id + " is in use", Map.of());
            }
            rows.remove(id);
        }
    }

    private static BulkDelete.Request request(String owner, String prefix, Integer expected, boolean dryRun) {
        return new BulkDelete.Request("thing", owner, prefix, null, null, null, "cleanup", expected, dryRun);
    }

    @Test
    void aDryRunReportsTheMatchesAndDeletesNothing() {
        Things things = new Things(10, Set.of());
        BulkDelete bulk = new BulkDelete(List.of(things), audit, clock);
        BulkDelete.Result result = bulk.delete(ADMIN, request("odd", null, null, true));
        assertThat(result.dryRun()).isTrue();
        assertThat(result.matchedCount()).isEqualTo(5);
        assertThat(result.matchedIds()).containsExactly(1L, 3L, 5L, 7L, 9L);
        assertThat(result.deletedCount()).isZero();
        assertThat(things.rows).hasSize(10);
        assertThat(audited).isEmpty();
    }

    @Test
    void deletesWhatMatchesReportsRefusalsPerItemAndAuditsEachOne() {
        Things things = new Things(10, Set.of(3L));
        BulkDelete bulk = new BulkDelete(List.of(things), audit, clock);
        BulkDelete.Result result = bulk.delete(ADMIN, request("odd", "odd-", 5, false));
        assertThat(result.deletedIds()).containsExactly(1L, 5L, 7L, 9L);
        assertThat(result.failedIds()).containsExactly(3L);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(3L);
            assertThat(e.code()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
        });
        assertThat(things.rows.keySet()).containsExactly(2L, 3L, 4L, 6L, 8L, 10L);
        assertThat(audited).hasSize(5);
        assertThat(audited).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.action()).contains("reason: cleanup");
            assertThat(e.targetType()).isEqualTo("thing");
        });
        assertThat(audited).filteredOn(e -> e.targetId().equals("3")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aWrongExpectedCountDeletesNothing() {
        Things things = new Things(10, Set.of());
        BulkDelete bulk = new BulkDelete(List.of(things), audit, clock);
        assertThatThrownBy(() -> bulk.delete(ADMIN, request("odd", null, 4, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("expected_count");
                    assertThat(e.details()).containsEntry("matched_count", 5);
                });
        assertThat(things.rows).hasSize(10);
    }

    @Test
    void refusesWithoutAFilterOverAHundredMatchesAnUnknownKindOrANonAdmin() {
        Things things = new Things(250, Set.of());
        BulkDelete bulk = new BulkDelete(List.of(things), audit, clock);
        assertThatThrownBy(() -> bulk.delete(ADMIN, request(null, null, null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("filters"));
        assertThatThrownBy(() -> bulk.delete(ADMIN, request("odd", null, null, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("filters"));
        assertThat(things.rows).hasSize(250);
        assertThatThrownBy(() -> bulk.delete(ADMIN, new BulkDelete.Request("widget", "odd", null, null, null, null, "x", null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("resource_type"));
        assertThatThrownBy(() -> bulk.delete(ADMIN, new BulkDelete.Request("thing", "odd", null, null, null, null, " ", null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> bulk.delete(OPS, request("odd", null, null, true)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void olderThanHoursIsCountedFromNow() {
        Things things = new Things(10, Set.of());
        BulkDelete bulk = new BulkDelete(List.of(things), audit, clock);
        // now = T0 + 240 h; older than 235 h means created before T0 + 5 h: ids 1 to 4.
        var result = bulk.delete(ADMIN, new BulkDelete.Request("thing", null, null, null, 235, null, "old", null, true));
        assertThat(result.matchedIds()).containsExactly(1L, 2L, 3L, 4L);
        assertThatThrownBy(() -> bulk.delete(ADMIN, new BulkDelete.Request("thing", null, null, T0, 1, null, "old", null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("filters.older_than_hours"));
    }
}
