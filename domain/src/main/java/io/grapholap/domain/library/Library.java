package io.grapholap.domain.library;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function library: named code in one language that user-defined functions import.
 * The name is 1-64 letters, digits, {@code _} and {@code -} (seed 003 allows {@code -}), not
 * starting with a digit or {@code -}; a Python library's name has no {@code -}, since Python's
 * {@code import} cannot name it. The code is at most {@link #MAX_CODE_CHARS} characters. {@code language} is a wire name
 * ({@code js} or {@code python}), checked by the use cases that know the languages.
 */
public record Library(LibraryNamespace namespace, String name, String language, String code, String updatedBy,
                      Instant createdAt, Instant updatedAt) {

    public static final int MAX_CODE_CHARS = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    public Library {
        Objects.requireNonNull(namespace, "namespace");
        checkName(name);
        Objects.requireNonNull(language, "language");
        if (language.equals("python") && name.indexOf('-') >= 0) {
            throw new ValidationException("library", "a Python library name cannot contain '-' (Python's import cannot name it); got '"
                    + name + "'");
        }
        checkCode(code);
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Returns {@code name} when it is a valid library name, otherwise fails on {@code library}. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("library", "a library name is 1-64 characters of letters, digits, '_' and '-', not starting with a digit or '-'; got '"
                    + name + "'");
        }
        return name;
    }

    private static void checkCode(String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("functions", "the library code (the request body) is required");
        }
        if (code.length() > MAX_CODE_CHARS) {
            throw new ValidationException("functions", "library code must be at most " + MAX_CODE_CHARS + " characters, got " + code.length());
        }
    }
}
