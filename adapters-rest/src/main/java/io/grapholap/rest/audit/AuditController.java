package io.grapholap.rest.audit;

import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.audit.ReadAuditLog;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Admins read the audit trail, newest first. */
@Controller("/api/admin/audit")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@PlatformErrors
final class AuditController {

    private final ReadAuditLog readAuditLog;

    AuditController(ReadAuditLog readAuditLog) {
        this.readAuditLog = readAuditLog;
    }

    @Get
    @Operation(summary = "Audit entries filtered by actor, action prefix (e.g. 'DELETE' or 'POST /api/admin/users') and time window")
    ListEnvelope<AuditEntryWebModel> search(Actor actor, @Nullable @QueryValue("actor") String actorFilter,
                                            @Nullable @QueryValue String action,
                                            @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                            @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        PageRequest page = PageRequest.of(offset, limit, null, null, Set.of("occurred_at"), "occurred_at");
        AuditQuery query = new AuditQuery(actorFilter, action, instant("since", since), instant("until", until), page);
        return ListEnvelope.of(readAuditLog.search(actor, query), AuditEntryWebModel::from);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be an ISO-8601 UTC timestamp such as 2026-01-31T12:00:00Z, got '" + value + "'");
        }
    }

    @Introspected
    record AuditEntryWebModel(long id, Instant occurredAt, String actor, String action, String method, String path,
                              String targetType, String targetId, int status, String outcome) {
        static AuditEntryWebModel from(AuditEntry e) {
            return new AuditEntryWebModel(e.id(), e.at(), e.actor(), e.action(), e.method(), e.path(),
                    e.targetType(), e.targetId(), e.status(), e.succeeded() ? "success" : "failure");
        }
    }
}
