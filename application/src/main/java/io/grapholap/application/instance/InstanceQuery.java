package io.grapholap.application.instance;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.instance.InstanceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Filters of the instance list; null means "any". {@code search} matches name or description
 * (case-insensitive); {@code createdAfter} is inclusive, {@code createdBefore} exclusive;
 * {@code namePrefix} matches the start of the name (admin bulk delete).
 */
public record InstanceQuery(Long snapshotId, String owner, InstanceStatus status, String search, String namePrefix,
                            Instant createdAfter, Instant createdBefore) {

    public static final Set<String> SORTABLE = Set.of("created_at", "name", "status", "updated_at", "expires_at");
    public static final String DEFAULT_SORT = "created_at";

    public InstanceQuery {
        owner = blankToNull(owner);
        search = blankToNull(search);
        namePrefix = blankToNull(namePrefix);
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new ValidationException("created_before", "created_before must be later than created_after");
        }
    }

    /** Builds a query from raw query parameters; timestamps are ISO-8601 instants or dates (UTC). */
    public static InstanceQuery of(Long snapshotId, String owner, String status, String search, String createdAfter,
                                   String createdBefore) {
        return new InstanceQuery(snapshotId, owner,
                status == null || status.isBlank() ? null : InstanceStatus.parse("status", status), search, null,
                instant("created_after", createdAfter), instant("created_before", createdBefore));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new ValidationException(field, field + " must be an ISO-8601 timestamp such as 2026-01-31T00:00:00Z or a date, got '" + text + "'");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
