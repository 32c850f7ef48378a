package io.grapholap.server.settings;

import io.grapholap.application.udf.RunSettings;
import io.grapholap.application.udf.RunSlots;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code grapholap.udf}: {@code default-timeout} (PT30S) and {@code max-timeout}
 * (PT5M) of a run, {@code default-output-bytes} (10 MiB) and {@code max-output-bytes} (100 MiB),
 * {@code cached-datasets} (datasets kept loaded between runs, 4) and {@code memory-budget-bytes}
 * (what they may hold together; 0 = a fifth of the maximum heap), {@code max-built-rows} (nodes plus
 * edges of a graph built from lists, 1,000,000); {@code run-slots} (runs executing at once; 0 = one
 * per two cores, at least 1), {@code run-queue} (runs waiting for a slot; -1 = four times the slots),
 * {@code runs-per-user} (0 = twice the slots) and {@code runs-per-organization} (0 = four times the
 * slots) counting running and waiting runs, {@code stop-grace} (PT1S: how long past its deadline a
 * run that ignores its stop is waited for). The function runtime's own settings are
 * {@code grapholap.udf.runtime.*} ({@link UdfRuntimeProperties}).
 */
@Context
@ConfigurationProperties("grapholap.udf")
public record UdfProperties(@Bindable(defaultValue = "PT30S") Duration defaultTimeout,
                            @Bindable(defaultValue = "PT5M") Duration maxTimeout,
                            @Bindable(defaultValue = "10485760") long defaultOutputBytes,
                            @Bindable(defaultValue = "104857600") long maxOutputBytes,
                            @Bindable(defaultValue = "4") int cachedDatasets,
                            @Bindable(defaultValue = "0") long memoryBudgetBytes,
                            @Bindable(defaultValue = "1000000") int maxBuiltRows,
                            @Bindable(defaultValue = "0") int runSlots,
                            @Bindable(defaultValue = "-1") int runQueue,
                            @Bindable(defaultValue = "0") int runsPerUser,
                            @Bindable(defaultValue = "0") int runsPerOrganization,
                            @Bindable(defaultValue = "PT1S") Duration stopGrace) {

    private static final String P = "grapholap.udf.";

    public UdfProperties {
        Check.positive(P + "default-timeout", defaultTimeout);
        Check.notAbove(P + "default-timeout", defaultTimeout, P + "max-timeout", maxTimeout);
        Check.atLeast(P + "default-output-bytes", defaultOutputBytes, 1);
        Check.notAbove(P + "default-output-bytes", defaultOutputBytes, P + "max-output-bytes", maxOutputBytes);
        Check.atLeast(P + "cached-datasets", cachedDatasets, 0);
        Check.atLeast(P + "memory-budget-bytes", memoryBudgetBytes, 0);
        Check.atLeast(P + "max-built-rows", maxBuiltRows, 1);
        Check.atLeast(P + "run-slots", runSlots, 0);
        Check.atLeast(P + "run-queue", runQueue, -1);
        Check.atLeast(P + "runs-per-user", runsPerUser, 0);
        Check.atLeast(P + "runs-per-organization", runsPerOrganization, 0);
        Check.notNegative(P + "stop-grace", stopGrace);
    }

    /** The run settings; built graphs are written under {@code workDir} before loading. */
    public RunSettings runSettings(Path workDir) {
        return new RunSettings(defaultTimeout, maxTimeout, defaultOutputBytes, maxOutputBytes, cachedDatasets,
                memoryBudgetBytes > 0 ? memoryBudgetBytes : Runtime.getRuntime().maxMemory() / 5, maxBuiltRows, workDir);
    }

    /** The run limits, each default (0, or -1 for the queue) sized from the processors. */
    public RunSlots.Limits limits() {
        RunSlots.Limits sized = RunSlots.Limits.fromCores(runSlots > 0 ? 2 * runSlots : Runtime.getRuntime().availableProcessors());
        return new RunSlots.Limits(sized.slots(), runQueue >= 0 ? runQueue : sized.queue(),
                runsPerUser > 0 ? runsPerUser : sized.perUser(), runsPerOrganization > 0 ? runsPerOrganization : sized.perOrganization(),
                stopGrace);
    }
}
