package io.grapholap.domain.user;

import io.grapholap.domain.error.ValidationException;
import java.util.regex.Pattern;

/**
 * A login name: 3 to 64 characters, lower-case letters, digits, '.', '_' or '-', starting with a
 * letter or digit. Lower case only, so that "Alice" and "alice" can never be two accounts.
 */
public final class Username {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private Username() {
    }

    /** Returns {@code value} when it is a valid username, otherwise fails naming {@code field}. */
    public static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        if (!PATTERN.matcher(value).matches()) {
            throw new ValidationException(field, field + " must be 3-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit; got '"
                    + value + "'");
        }
        return value;
    }
}
