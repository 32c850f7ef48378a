package io.grapholap.application.algorithm;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/**
 * What a run hands back: {@code stream} (the per-vertex rows, up to the row limit), {@code stats} (a
 * summary of the value column plus the algorithm's own figures) or {@code mutate} (the value column
 * stored as a vertex property that later queries read).
 */
public enum ExecutionMode {
    STREAM, STATS, MUTATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code raw}; absent means {@code stream}. */
    public static ExecutionMode parse(String raw) {
        if (raw == null) {
            return STREAM;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("mode", "mode must be stream, stats or mutate, got '" + raw + "'");
        }
    }
}
