package io.grapholap.application.common;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What the list filters share: blank text meaning "no filter", timestamps as clients send them, a creation window. */
public final class QueryValues {

    private QueryValues() {
    }

    /** {@code s} without surrounding white space, or null when it is null or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * An ISO-8601 instant, or a date meaning its start in UTC; null for null or blank text. A value
     * that is neither is a {@link ValidationException} on {@code field} (a dotted path names its last
     * part in the message).
     */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                String name = field.substring(field.lastIndexOf('.') + 1);
                throw new ValidationException(field, name
                        + " must be an ISO-8601 timestamp such as 2026-01-31T00:00:00Z or a date, got '" + text + "'");
            }
        }
    }

    /** Refuses a creation window [createdAfter, createdBefore) that is empty; either end may be null. */
    public static void checkCreatedWindow(Instant createdAfter, Instant createdBefore) {
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new ValidationException("created_before", "created_before must be later than created_after");
        }
    }
}
