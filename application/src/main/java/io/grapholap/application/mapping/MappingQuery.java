package io.grapholap.application.mapping;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Filters for listing mappings: exact owner, a case-insensitive substring of name or description,
 * and a creation-time window ({@code createdAfter} inclusive, {@code createdBefore} exclusive).
 * Null means no filter.
 */
public record MappingQuery(String owner, String search, Instant createdAfter, Instant createdBefore) {

    public static final Set<String> SORTABLE = Set.of("name", "created_at", "current_version");
    public static final String DEFAULT_SORT = "created_at";

    public MappingQuery {
        owner = blankToNull(owner);
        search = blankToNull(search);
        if (search != null && search.length() > 255) {
            throw new ValidationException("search", "search must be at most 255 characters");
        }
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new ValidationException("created_before", "created_before must be later than created_after");
        }
    }

    /** Builds a query from raw query parameters; timestamps are ISO-8601 instants or dates (UTC). */
    public static MappingQuery of(String owner, String search, String createdAfter, String createdBefore) {
        return new MappingQuery(owner, search, instant("created_after", createdAfter), instant("created_before", createdBefore));
    }

    static Instant instant(String field, String text) {
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
