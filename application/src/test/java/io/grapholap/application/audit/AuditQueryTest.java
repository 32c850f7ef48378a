package io.grapholap.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private final PageRequest page = new PageRequest(0, 10, "occurred_at", true);

    @Test
    void blankFiltersMeanNoFilter() {
        var q = new AuditQuery(" ", "", null, null, page);
        assertThat(q.actor()).isNull();
        assertThat(q.action()).isNull();
    }

    @Test
    void theWindowMustBeOrdered() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new AuditQuery(null, null, t, t, page))
                .isInstanceOf(ValidationException.class).hasMessageContaining("until");
    }

    @Test
    void onlyAdminsReadTheLog() {
        AuditEntry entry = AuditEntry.of(Instant.EPOCH, "bob", "DELETE /api/x/{id}", "DELETE", "/api/x/1", "x", "1", 204);
        AuditLog log = new AuditLog() {
            @Override
            public void record(AuditEntry e) {
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query) {
                return new Page<>(List.of(entry), 1, 0, 10);
            }
        };
        var read = new ReadAuditLog(log);
        var query = new AuditQuery(null, null, null, null, page);
        assertThatThrownBy(() -> read.search(new Actor("bob", Set.of(Role.OPS), Set.of()), query))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(read.search(new Actor("root", Set.of(Role.ADMIN), Set.of()), query).items()).containsExactly(entry);
        assertThat(entry.succeeded()).isTrue();
    }
}
