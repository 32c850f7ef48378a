package io.grapholap.polyglot;

import java.time.Duration;

/**
 * Bounds of the function runtime that are not per run.
 *
 * @param jsPoolSize        fresh JavaScript contexts kept ready (each run takes one and throws it away)
 * @param pythonPoolSize    fresh Python contexts kept ready, warmed in the background from start-up
 * @param maxRecords        most rows {@code g.nodes()} / {@code g.edges()} hand to user code in one call
 * @param maxGremlinRows    most rows {@code g.gremlin()} returns
 * @param maxLiveHeapFraction share of the maximum heap that live data (measured after a collection) may
 *                          reach while runs are active; past it the run that allocated most is cancelled
 * @param checkTimeout      wall-clock bound of a save-time check
 */
public record PolyglotSettings(int jsPoolSize, int pythonPoolSize, int maxRecords, int maxGremlinRows,
                               double maxLiveHeapFraction, Duration checkTimeout) {

    public PolyglotSettings {
        if (jsPoolSize < 0 || jsPoolSize > 64 || pythonPoolSize < 0 || pythonPoolSize > 64) {
            throw new IllegalArgumentException("context pool sizes must be in [0, 64]");
        }
        if (maxRecords < 1 || maxGremlinRows < 1) {
            throw new IllegalArgumentException("record and row limits must be positive");
        }
        if (!(maxLiveHeapFraction > 0.1 && maxLiveHeapFraction < 1.0)) {
            throw new IllegalArgumentException("maxLiveHeapFraction must be in (0.1, 1)");
        }
        if (checkTimeout == null || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("checkTimeout must be positive");
        }
    }

    public static PolyglotSettings defaults() {
        return new PolyglotSettings(4, 2, 100_000, 10_000, 0.7, Duration.ofSeconds(5));
    }
}
