package io.grapholap.application.admin;

import static io.grapholap.application.common.QueryValues.blankToNull;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.audit.AuditEntry;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Admin bulk delete ({@code DELETE /api/admin/resources/bulk}, the Python SDK's AdminResource):
 * removes the resources of one kind that match every given filter, at most {@link #MAX_PER_CALL}
 * per call. Safety rules: at least one filter; more than {@link #MAX_PER_CALL} matches is refused
 * (narrow the filters); a given {@code expectedCount} that differs from the match count is refused
 * with 400 on {@code expected_count} (seed 001); {@code dryRun} only reports the matches. Each resource is deleted through its own
 * rules, so a refusal (e.g. {@code RESOURCE_HAS_DEPENDENCIES}) is reported for that item and the
 * others go on. Every deletion is written to the audit log with the reason.
 */
public final class BulkDelete {

    public static final int MAX_PER_CALL = 100;
    public static final int MAX_REASON = 500;
    public static final String PATH = "/api/admin/resources/bulk";

    private final Map<String, BulkDeletable> kinds = new TreeMap<>();
    private final AuditLog audit;
    private final Clock clock;

    public BulkDelete(List<BulkDeletable> deletables, AuditLog audit, Clock clock) {
        for (BulkDeletable d : deletables) {
            if (kinds.putIfAbsent(d.resourceType(), d) != null) {
                throw new IllegalArgumentException("two bulk-deletable kinds are named " + d.resourceType());
            }
        }
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * A call as received: {@code createdBefore} and {@code olderThanHours} are two ways to say the
     * same filter (give one); {@code owner} matches the creator exactly.
     */
    public record Request(String resourceType, String owner, String namePrefix, Instant createdBefore,
                          Integer olderThanHours, String status, String reason, Integer expectedCount, boolean dryRun) {
    }

    public record ItemError(long id, String code, String message) {
    }

    public record Result(boolean dryRun, int matchedCount, List<Long> matchedIds, int deletedCount, List<Long> deletedIds,
                         List<Long> failedIds, List<ItemError> errors) {
    }

    public Result delete(Actor actor, Request request) {
        actor.require(Role.ADMIN);
        BulkDeletable kind = kind(request.resourceType());
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new ValidationException("reason", "reason is required, 1 to " + MAX_REASON + " characters");
        }
        BulkDeletable.Filter filter = filter(request);
        if (request.expectedCount() != null && (request.expectedCount() < 0 || request.expectedCount() > MAX_PER_CALL)) {
            throw new ValidationException("expected_count", "expected_count must be between 0 and " + MAX_PER_CALL);
        }
        List<BulkDeletable.Candidate> matched = kind.find(filter, MAX_PER_CALL + 1);
        if (matched.size() > MAX_PER_CALL) {
            throw new ValidationException("filters", "more than " + MAX_PER_CALL + " " + kind.resourceType()
                    + " resources match; narrow the filters (at most " + MAX_PER_CALL + " per call)",
                    Map.of("max_per_call", MAX_PER_CALL));
        }
        List<Long> ids = matched.stream().map(BulkDeletable.Candidate::id).toList();
        if (request.expectedCount() != null && request.expectedCount() != matched.size()) {
            throw new ValidationException("expected_count", "expected_count is " + request.expectedCount() + " but "
                    + matched.size() + " resources match; nothing was deleted",
                    Map.of("expected_count", request.expectedCount(), "matched_count", matched.size()));
        }
        if (request.dryRun()) {
            return new Result(true, matched.size(), ids, 0, List.of(), List.of(), List.of());
        }
        List<Long> deleted = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        String action = clip("BULK DELETE " + kind.resourceType() + " (reason: " + reason + ")", 300);
        for (BulkDeletable.Candidate c : matched) {
            int status;
            try {
                kind.delete(actor, c.id());
                deleted.add(c.id());
                status = 204;
            } catch (DomainException e) {
                failed.add(c.id());
                errors.add(new ItemError(c.id(), e.code(), e.getMessage()));
                status = e.code().equals("NOT_FOUND") ? 404 : 409;
            }
            audit.record(AuditEntry.of(clock.instant(), actor.username(), action, "DELETE", PATH, kind.resourceType(),
                    Long.toString(c.id()), status));
        }
        return new Result(false, matched.size(), ids, deleted.size(), deleted, failed, errors);
    }

    private BulkDeletable kind(String resourceType) {
        if (resourceType == null || resourceType.isBlank()) {
            throw new ValidationException("resource_type", "resource_type is required; one of " + String.join(", ", kinds.keySet()));
        }
        BulkDeletable kind = kinds.get(resourceType.trim());
        if (kind == null) {
            throw new ValidationException("resource_type", "unknown resource_type '" + resourceType + "'; one of "
                    + String.join(", ", kinds.keySet()));
        }
        return kind;
    }

    private BulkDeletable.Filter filter(Request r) {
        String owner = blankToNull(r.owner());
        String prefix = blankToNull(r.namePrefix());
        String status = blankToNull(r.status());
        Instant before = r.createdBefore();
        if (r.olderThanHours() != null) {
            if (before != null) {
                throw new ValidationException("filters.older_than_hours", "give created_before or older_than_hours, not both");
            }
            if (r.olderThanHours() < 0 || r.olderThanHours() > 24 * 3650) {
                throw new ValidationException("filters.older_than_hours", "older_than_hours must be between 0 and " + 24 * 3650);
            }
            before = clock.instant().minus(Duration.ofHours(r.olderThanHours()));
        }
        if (owner == null && prefix == null && status == null && before == null) {
            throw new ValidationException("filters", "give at least one filter: owner, name_prefix, created_before, older_than_hours, status");
        }
        if (prefix != null && prefix.length() > 255) {
            throw new ValidationException("filters.name_prefix", "name_prefix must be at most 255 characters");
        }
        return new BulkDeletable.Filter(owner, prefix, before, status);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
