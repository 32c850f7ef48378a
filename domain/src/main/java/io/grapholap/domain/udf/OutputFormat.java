package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/** How a run's output is represented on the wire: JSON, CSV, Parquet or an Arrow IPC stream. */
public enum OutputFormat {
    JSON, CSV, PARQUET, ARROW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String value, String field) {
        if (value != null) {
            for (OutputFormat f : values()) {
                if (f.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new ValidationException(field, field + " must be one of json, csv, parquet, arrow; got '" + value + "'");
    }
}
