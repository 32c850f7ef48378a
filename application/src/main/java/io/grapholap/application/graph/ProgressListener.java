package io.grapholap.application.graph;

/**
 * Receives progress of a load or an algorithm run. Calls come from worker threads, at most a few
 * per second per phase; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (phase, fraction, message) -> { };

    /**
     * @param phase    short name of the current step ({@code "verify"}, {@code "nodes"}, {@code "edges"},
     *                 {@code "iteration"}, …)
     * @param fraction overall progress in {@code [0, 1]}
     * @param message  human-readable detail, may be empty
     */
    void progress(String phase, double fraction, String message);
}
