package io.grapholap.application.audit;

import io.grapholap.application.common.Page;
import io.grapholap.domain.audit.AuditEntry;

/**
 * The audit trail. {@link #record} must be cheap (it runs on every mutating request) and may write
 * later, but a {@link #search} sees every entry recorded before it started.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> search(AuditQuery query);
}
