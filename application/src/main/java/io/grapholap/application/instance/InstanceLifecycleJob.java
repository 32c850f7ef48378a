package io.grapholap.application.instance;

import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code lifecycle} reaper: writes the recorded activity, ends the instances of nodes that died
 * ({@link InstanceUseCases#failOnDeadNodes()}), then terminates every live instance past its
 * {@code expires_at} and every running one idle for its inactivity timeout, keeping the reason as
 * the instance's error message. It changes rows only: the node holding a graph frees it at its next
 * poll ({@link InstanceUseCases#followPlacements()}), so it may run on any node.
 */
public final class InstanceLifecycleJob implements BackgroundJob {

    public static final String NAME = "lifecycle";

    private final InstanceRepository instances;
    private final InstanceRegistry registry;
    private final InstanceUseCases useCases;
    private final Duration interval;
    private final Clock clock;

    public InstanceLifecycleJob(InstanceRepository instances, InstanceRegistry registry, InstanceUseCases useCases,
                                Duration interval, Clock clock) {
        this.instances = instances;
        this.registry = registry;
        this.useCases = useCases;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "terminates instances past their TTL or idle past their inactivity timeout";
    }

    @Override
    public boolean onePerCluster() {
        return true;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public String run() {
        registry.flushActivity();
        Instant now = clock.instant();
        int lost = useCases.failOnDeadNodes();
        int expired = 0;
        int idle = 0;
        for (Instance instance : instances.withStatus(InstanceStatus.LIVE)) {
            if (instance.expiredAt(now)) {
                if (useCases.terminateBySystem(instance.id(), "terminated: its TTL ended at " + instance.expiresAt())) {
                    expired++;
                }
            } else if (instance.status() == InstanceStatus.RUNNING && instance.idleAt(now)) {
                if (useCases.terminateBySystem(instance.id(), "terminated: unused for its inactivity timeout of "
                        + instance.lifecycle().inactivityTimeout())) {
                    idle++;
                }
            }
        }
        return "terminated " + expired + " expired and " + idle + " idle instance(s)"
                + (lost > 0 ? "; ended " + lost + " instance(s) of dead nodes" : "");
    }
}
