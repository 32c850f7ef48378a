package io.grapholap.application.instance;

import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up progress of an instance as clients see it. Phases: {@code waiting_for_snapshot},
 * then the load steps {@code estimate}, {@code read_files}, {@code build}, then {@code ready}; or
 * {@code stopping}, {@code terminated}, {@code failed}. Percent follows the engine's own fraction
 * while it loads; the remaining time is extrapolated from the time spent so far (null until the
 * engine reports progress).
 */
public record InstanceProgressView(long id, String status, String phase, Instant startedAt, List<Step> steps,
                                   String currentStep, int progressPercent, Long estimatedRemainingSeconds,
                                   String errorMessage) {

    public static final List<String> STEPS = List.of("estimate", "read_files", "build", "ready");

    public record Step(String name, String status, String message) {
    }

    static InstanceProgressView of(Instance instance, InstanceRegistry.Load load, Clock clock) {
        InstanceStatus status = instance.status();
        if (status == InstanceStatus.STARTING && load != null) {
            String current = load.step;
            int at = STEPS.indexOf(current);
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < STEPS.size(); i++) {
                steps.add(new Step(STEPS.get(i), i < at ? "completed" : i == at ? "running" : "pending",
                        i == at ? load.message : ""));
            }
            double fraction = load.fraction;
            Long remaining = null;
            if (fraction > 0) {
                long elapsed = Duration.between(load.startedAt, clock.instant()).toSeconds();
                remaining = Math.max(0, Math.round(elapsed * (1 - fraction) / fraction));
            }
            return new InstanceProgressView(instance.id(), status.wire(), current, load.startedAt, steps, current,
                    (int) Math.min(99, Math.round(fraction * 100)), remaining, null);
        }
        String done = switch (status) {
            case RUNNING, STOPPING, TERMINATED -> "completed";
            case FAILED -> "failed";
            default -> "pending";
        };
        List<Step> steps = STEPS.stream().map(s -> new Step(s, done, "")).toList();
        String phase = switch (status) {
            case RUNNING -> "ready";
            case STARTING -> "estimate";
            default -> status.wire();
        };
        int percent = status == InstanceStatus.RUNNING || status == InstanceStatus.STOPPING
                || status == InstanceStatus.TERMINATED ? 100 : 0;
        return new InstanceProgressView(instance.id(), status.wire(), phase, null, steps,
                status == InstanceStatus.STARTING ? "estimate" : null, percent, percent == 100 ? Long.valueOf(0) : null,
                instance.errorMessage());
    }
}
