package io.grapholap.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited call: who made it, what it was (an action such as {@code POST /api/admin/users} or
 * {@code LOGIN}), which resource it aimed at, when, and how it ended (the HTTP status). Entries
 * never hold request bodies, passwords or keys.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String method, String path,
                         String targetType, String targetId, int status) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    /** A new entry, before the log assigned its id. */
    public static AuditEntry of(Instant at, String actor, String action, String method, String path,
                                String targetType, String targetId, int status) {
        return new AuditEntry(0, at, actor, action, method, path, targetType, targetId, status);
    }

    public boolean succeeded() {
        return status < 400;
    }
}
