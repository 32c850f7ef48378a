package io.grapholap.domain.library;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Organization;
import java.util.regex.Pattern;

/**
 * Where a function library lives: global (bucket and scope both empty) or scoped to a
 * bucket and a scope. A bucket is an organisation's name, so scoped libraries belong to that
 * organisation; the scope is a namespace inside it (a slug like an organisation name).
 */
public record LibraryNamespace(String bucket, String scope) {

    private static final Pattern SCOPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public static final LibraryNamespace GLOBAL = new LibraryNamespace("", "");

    public LibraryNamespace {
        bucket = bucket == null ? "" : bucket;
        scope = scope == null ? "" : scope;
        if (bucket.isEmpty() != scope.isEmpty()) {
            throw new ValidationException(bucket.isEmpty() ? "bucket" : "scope",
                    "bucket and scope go together: give both for a scoped library or neither for a global one");
        }
        if (!bucket.isEmpty()) {
            try {
                new Organization(bucket);
            } catch (ValidationException e) {
                throw new ValidationException("bucket", "bucket must name an organisation (1-64 characters of a-z, 0-9, '_' or '-'); got '"
                        + bucket + "'");
            }
            if (!SCOPE.matcher(scope).matches()) {
                throw new ValidationException("scope", "scope must be 1-64 characters of a-z, 0-9, '_' or '-'; got '" + scope + "'");
            }
        }
    }

    /** The namespace named by the optional {@code bucket} and {@code scope} query parameters (null or blank = absent). */
    public static LibraryNamespace of(String bucket, String scope) {
        return new LibraryNamespace(blankToEmpty(bucket), blankToEmpty(scope));
    }

    public boolean global() {
        return bucket.isEmpty();
    }

    /** The organisation that owns a scoped library; null for a global one. */
    public String organization() {
        return global() ? null : bucket;
    }

    private static String blankToEmpty(String value) {
        return value == null || value.isBlank() ? "" : value.trim();
    }
}
