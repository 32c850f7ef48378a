package io.grapholap.application.audit;

import io.grapholap.application.common.Page;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.user.Role;

/** Admins read the audit trail. */
public final class ReadAuditLog {

    private final AuditLog log;

    public ReadAuditLog(AuditLog log) {
        this.log = log;
    }

    public Page<AuditEntry> search(Actor actor, AuditQuery query) {
        actor.require(Role.ADMIN);
        return log.search(query);
    }
}
