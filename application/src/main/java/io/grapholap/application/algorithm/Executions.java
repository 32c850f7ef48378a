package io.grapholap.application.algorithm;

import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The executions of this server, in memory only: finished ones are dropped
 * {@link DataPlaneSettings#executionRetention()} after they end, and the oldest finished ones first
 * when {@link DataPlaneSettings#maxExecutions()} are held; running ones are never dropped, so a start
 * past that many running ones is refused. Thread-safe.
 */
public final class Executions {

    private final DataPlaneSettings settings;
    private final Clock clock;
    private final LinkedHashMap<String, AlgorithmExecution> byId = new LinkedHashMap<>();

    public Executions(DataPlaneSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant now() {
        return clock.instant();
    }

    /** Records a new execution, making room by dropping finished ones. */
    void add(AlgorithmExecution execution) {
        synchronized (byId) {
            prune(execution.startedAt());
            Iterator<AlgorithmExecution> oldest = byId.values().iterator();
            while (byId.size() >= settings.maxExecutions() && oldest.hasNext()) {
                if (oldest.next().finished()) {
                    oldest.remove();
                }
            }
            if (byId.size() >= settings.maxExecutions()) {
                throw new ConflictException("CONCURRENCY_LIMIT_EXCEEDED", settings.maxExecutions()
                        + " algorithm executions are running; try again when one has finished",
                        Map.of("max_executions", settings.maxExecutions()));
            }
            byId.put(execution.id(), execution);
        }
    }

    void remove(AlgorithmExecution execution) {
        synchronized (byId) {
            byId.remove(execution.id());
        }
    }

    /**
     * Execution {@code executionId} of instance {@code instanceId}, for its starter or an admin.
     *
     * @throws NotFoundException when there is none, it is of another instance, or {@code actor} may not see it
     */
    AlgorithmExecution find(Actor actor, long instanceId, String executionId) {
        AlgorithmExecution e;
        synchronized (byId) {
            prune(clock.instant());
            e = executionId == null ? null : byId.get(executionId);
        }
        if (e == null || e.instanceId != instanceId || !(actor.isAdmin() || e.user().equals(actor.username()))) {
            throw new NotFoundException("execution", executionId);
        }
        return e;
    }

    /** Drops finished executions older than the retention; call holding the monitor. */
    private void prune(Instant now) {
        Instant oldest = now.minus(settings.executionRetention());
        byId.values().removeIf(e -> e.finished() && e.finishedAt().isBefore(oldest));
    }
}
