package io.grapholap.application.instance;

import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import java.time.Clock;
import java.util.EnumSet;

/**
 * Start-up step: a server that stopped (or was killed) held no graph any more, so instances it left
 * {@code starting} or {@code running} are loaded again when their snapshot (or dataset files) is
 * still there, else marked {@code failed} with a reason saying so; {@code stopping} ones are
 * {@code terminated}. Waiting instances stay waiting: their snapshot export is reconciled by the
 * snapshot store and {@link InstanceUseCases#advanceWaiting()} moves them on. Nothing is left
 * {@code starting} without a load scheduled. With several nodes on one metadata database a node
 * takes only the instances placed on it (and any not placed yet); those of other nodes are theirs,
 * and the {@code lifecycle} job ends those of nodes that died. A node alone on its database takes
 * every instance, whatever node id it had before.
 */
public final class ReconcileInstances {

    public static final String RESTARTED = "the server restarted while this instance was live";

    private final InstanceRepository instances;
    private final InstanceUseCases useCases;
    private final Clock clock;

    public ReconcileInstances(InstanceRepository instances, InstanceUseCases useCases, Clock clock) {
        this.instances = instances;
        this.useCases = useCases;
        this.clock = clock;
    }

    public record Outcome(int reloaded, int failed, int terminated) {
    }

    public Outcome reconcile() {
        int reloaded = 0;
        int failed = 0;
        int terminated = 0;
        for (Instance i : instances.withStatus(EnumSet.of(InstanceStatus.STARTING, InstanceStatus.RUNNING, InstanceStatus.STOPPING))) {
            if (!useCases.adopt(i)) {
                continue;
            }
            if (i.status() == InstanceStatus.STOPPING) {
                if (instances.transition(i.id(), InstanceStatus.STOPPING, InstanceStatus.TERMINATED, null, clock.instant())) {
                    terminated++;
                }
            } else if (useCases.reload(i, RESTARTED)) {
                reloaded++;
            } else {
                failed++;
            }
        }
        return new Outcome(reloaded, failed, terminated);
    }
}
