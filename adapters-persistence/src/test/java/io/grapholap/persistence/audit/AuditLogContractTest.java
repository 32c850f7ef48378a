package io.grapholap.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The JDBC audit log on both metadata databases: queued writes are visible to the next search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditLogContractTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private MetadataDatabases.Running db;
    private JdbcAuditLog log;

    abstract MetadataDatabases database();

    @BeforeAll
    void migrate() {
        db = database().start();
        log = db.bean(JdbcAuditLog.class);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private static PageRequest page(int offset, int limit) {
        return new PageRequest(offset, limit, "occurred_at", true);
    }

    private void record(String actor, String action, int status, int secondsAfterT0) {
        String method = action.substring(0, action.indexOf(' '));
        log.record(AuditEntry.of(T0.plusSeconds(secondsAfterT0), actor, action, method, "/x", "x", "1", status));
    }

    @Test
    void aSearchSeesEverythingRecordedBeforeItNewestFirst() {
        for (int i = 0; i < 50; i++) {
            record("writer", "POST /api/things", 201, i);
        }
        var result = log.search(new AuditQuery("writer", null, null, null, page(0, 10)));
        assertThat(result.total()).isEqualTo(50);
        assertThat(result.items()).hasSize(10);
        assertThat(result.items().getFirst().at()).isEqualTo(T0.plusSeconds(49));
        assertThat(result.items().getFirst().id()).isPositive();
        assertThat(log.search(new AuditQuery("writer", null, null, null, page(45, 10))).items()).hasSize(5);
    }

    @Test
    void filtersByActionPrefixLiterally() {
        record("filter", "DELETE /api/a_b/{id}", 204, 1);
        record("filter", "DELETE /api/axb/{id}", 404, 2);
        record("filter", "PUT /api/a_b/{id}", 200, 3);
        assertThat(log.search(new AuditQuery("filter", "DELETE", null, null, page(0, 10))).total()).isEqualTo(2);
        var literal = log.search(new AuditQuery("filter", "DELETE /api/a_b", null, null, page(0, 10)));
        assertThat(literal.items()).extracting(AuditEntry::status).containsExactly(204);
        assertThat(log.search(new AuditQuery("filter", "%", null, null, page(0, 10))).total()).isZero();
    }

    @Test
    void filtersByTimeWindow() {
        record("window", "POST /api/w", 201, 100);
        record("window", "POST /api/w", 500, 200);
        record("window", "POST /api/w", 201, 300);
        var middle = log.search(new AuditQuery("window", null, T0.plusSeconds(150), T0.plusSeconds(300), page(0, 10)));
        assertThat(middle.items()).extracting(AuditEntry::status).containsExactly(500);
        assertThat(middle.items().getFirst().succeeded()).isFalse();
    }

    /**
     * A hostile request leaves NUL and an unpaired surrogate in its entry, which PostgreSQL refuses in
     * text; recorded among a hundred others, that entry is kept escaped and none of the others is lost.
     */
    @Test
    void aBadValueNeverCostsTheOtherEntriesOfItsBatch() {
        for (int i = 0; i < 100; i++) {
            if (i == 50) {
                log.record(AuditEntry.of(T0.plusSeconds(i), "mixed", "DELETE /api/v2/o/{org}/functions/{language}/\uD800",
                        "DELETE", "/api/v2/o/ab/functions/js/x%00y", "js", "x\0y", 400));
            }
            log.record(AuditEntry.of(T0.plusSeconds(i), "mixed", "DELETE /api/libraries/{library}", "DELETE",
                    "/api/libraries/lib" + i, "libraries", "lib" + i, 204));
        }
        var all = log.search(new AuditQuery("mixed", null, null, null, page(0, 100)));
        assertThat(all.total()).isEqualTo(101);
        var good = log.search(new AuditQuery("mixed", "DELETE /api/libraries", null, null, page(0, 100)));
        assertThat(good.items()).extracting(AuditEntry::targetId).hasSize(100).doesNotHaveDuplicates();
        var bad = log.search(new AuditQuery("mixed", "DELETE /api/v2", null, null, page(0, 10))).items();
        assertThat(bad).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo("x\\u0000y");
            assertThat(e.action()).endsWith("/\\uD800");
            assertThat(e.path()).isEqualTo("/api/v2/o/ab/functions/js/x%00y");
        });
    }

    static final class OnH2 extends AuditLogContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends AuditLogContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
