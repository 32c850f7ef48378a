package io.grapholap.application.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Use case: ask every readiness probe and say whether the server can serve requests. */
public final class CheckReadiness {

    private final List<ReadinessProbe> probes;

    public CheckReadiness(List<ReadinessProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    public Readiness check() {
        Map<String, ReadinessProbe.ProbeResult> results = new LinkedHashMap<>();
        boolean ready = true;
        for (ReadinessProbe probe : probes) {
            ReadinessProbe.ProbeResult result;
            try {
                result = probe.check();
            } catch (RuntimeException e) {
                result = ReadinessProbe.ProbeResult.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            results.put(probe.name(), result);
            ready &= result.up() || !probe.critical();
        }
        return new Readiness(ready, results);
    }

    public record Readiness(boolean ready, Map<String, ReadinessProbe.ProbeResult> components) {
    }
}
