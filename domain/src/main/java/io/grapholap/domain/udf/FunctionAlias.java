package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.regex.Pattern;

/**
 * The rule for a UDF alias: 1-64 characters of letters, digits, '_', '-' or '.', starting with a
 * letter, so that it can never be read as a uuid and a route can take either. Unique per organisation.
 */
public final class FunctionAlias {

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FunctionAlias() {
    }

    /** Passes a null alias (none) or a valid one; fails on field {@code alias} otherwise. */
    public static String check(String alias) {
        if (alias == null) {
            return null;
        }
        if (!PATTERN.matcher(alias).matches() || UUID.matcher(alias).matches()) {
            throw new ValidationException("alias", "alias must be 1-64 characters of letters, digits, '_', '.' or '-', starting with a letter; got '"
                    + alias + "'");
        }
        return alias;
    }

    /** Whether {@code text} has the shape of a uuid (so it names a function by uuid, never by alias). */
    public static boolean looksLikeUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }
}
