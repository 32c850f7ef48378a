package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.instances}: {@code memory-budget} (bytes that live instances may
 * hold in all, by the engines' estimates; 0 = 60% of the maximum heap), {@code load-workers} (loads
 * at once, 2), {@code poll-interval} (how often waiting instances look at their snapshot and
 * activity is written, PT1S), {@code lifecycle-interval} (interval of the {@code lifecycle} reaper
 * job, PT1M).
 */
@Context
@ConfigurationProperties("grapholap.instances")
public record InstancesProperties(@Bindable(defaultValue = "0") long memoryBudget,
                                  @Bindable(defaultValue = "2") int loadWorkers,
                                  @Bindable(defaultValue = "PT1S") Duration pollInterval,
                                  @Bindable(defaultValue = "PT1M") Duration lifecycleInterval) {

    public InstancesProperties {
        Check.atLeast("grapholap.instances.memory-budget", memoryBudget, 0);
        Check.atLeast("grapholap.instances.load-workers", loadWorkers, 1);
        Check.positive("grapholap.instances.poll-interval", pollInterval);
        Check.positive("grapholap.instances.lifecycle-interval", lifecycleInterval);
    }

    /** The memory budget in bytes, the default one resolved. */
    public long memoryBudgetBytes() {
        return memoryBudget == 0 ? Runtime.getRuntime().maxMemory() / 10 * 6 : memoryBudget;
    }
}
