package io.grapholap.domain.user;

import io.grapholap.domain.error.ValidationException;
import java.util.regex.Pattern;

/**
 * An organisation a user belongs to; organisations scope user-defined functions. Named by a slug:
 * 1 to 64 characters of lower-case letters, digits, '_' or '-'.
 */
public record Organization(String name) {

    private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Organization {
        require("organizations", name);
    }

    /** The organisation named {@code name}; a name that is no slug fails validation on {@code field}. */
    public static Organization named(String field, String name) {
        require(field, name);
        return new Organization(name);
    }

    private static void require(String field, String name) {
        if (name == null || !PATTERN.matcher(name).matches()) {
            throw new ValidationException(field, "organization names must be 1-64 characters of a-z, 0-9, '_' or '-', starting with"
                    + " a letter or digit; got '" + name + "'");
        }
    }
}
