package io.grapholap.application.function;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/** The languages user-defined functions are written in; the wire names are those of the UDF routes. */
public enum Language {
    JS("js"),
    PYTHON("python");

    private final String wireName;

    Language(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a wire name ({@code js}, {@code python}); anything else is a validation error on {@code field}. */
    public static Language parse(String value, String field) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.wireName.equals(v)) {
                    return language;
                }
            }
        }
        throw new ValidationException(field, "language must be js or python, got " + value);
    }
}
