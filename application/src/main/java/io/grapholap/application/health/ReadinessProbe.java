package io.grapholap.application.health;

/**
 * Out-port: one dependency the server needs to serve requests (the metadata database, the source
 * database, a graph engine). Probes must answer quickly and never throw.
 */
public interface ReadinessProbe {

    String name();

    /** Whether a failing probe makes the whole server not ready (engines that are optional are not). */
    default boolean critical() {
        return true;
    }

    ProbeResult check();

    record ProbeResult(boolean up, String detail) {
        public static ProbeResult up(String detail) {
            return new ProbeResult(true, detail);
        }

        public static ProbeResult down(String detail) {
            return new ProbeResult(false, detail);
        }
    }
}
