package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long resources made from a mapping live: {@code ttl} from creation, {@code inactivityTimeout}
 * since last use. Either may be absent (null) for no limit; present ones are positive.
 */
public record Lifecycle(Duration ttl, Duration inactivityTimeout) {

    public static final Lifecycle NONE = new Lifecycle(null, null);

    public Lifecycle {
        requirePositive("ttl", ttl);
        requirePositive("inactivity_timeout", inactivityTimeout);
    }

    /** Parses ISO-8601 durations such as {@code PT24H} or {@code P7D}; null or blank means none. */
    public static Lifecycle parse(String ttl, String inactivityTimeout) {
        return new Lifecycle(duration("ttl", ttl), duration("inactivity_timeout", inactivityTimeout));
    }

    static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be an ISO-8601 duration such as PT24H or P7D, got '" + text + "'");
        }
    }

    private static void requirePositive(String field, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new ValidationException(field, field + " must be a positive duration, got " + d);
        }
    }
}
