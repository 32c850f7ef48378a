package io.grapholap.application.instance;

/**
 * Server settings of instances: the host memory that live instances may hold in all (the sum of
 * the engines' estimates, checked before each load), the most cores one instance may use
 * ({@code min(8, processors)}) and the cores a new instance gets. An instance may ask for 1 to
 * {@value #CPU_CAP} cores (seed 001's range) on any machine; it runs on {@link #effectiveCores} of them.
 */
public record InstanceSettings(long memoryBudgetBytes, int maxCpuCores, int defaultCpuCores) {

    public static final int CPU_CAP = 8;

    public InstanceSettings {
        if (memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("grapholap.instances.memory-budget must be positive, got " + memoryBudgetBytes);
        }
        if (maxCpuCores < 1 || maxCpuCores > CPU_CAP) {
            throw new IllegalArgumentException("max cpu cores must be in 1.." + CPU_CAP + ", got " + maxCpuCores);
        }
        if (defaultCpuCores < 1 || defaultCpuCores > maxCpuCores) {
            throw new IllegalArgumentException("default cpu cores must be in 1.." + maxCpuCores + ", got " + defaultCpuCores);
        }
    }

    /** The cores an instance that asked for {@code requested} runs on: at most {@link #maxCpuCores}. */
    public int effectiveCores(int requested) {
        return Math.min(requested, maxCpuCores);
    }

    /** Cores capped at {@code min(8, processors)}; new instances get up to 2 of them. */
    public static InstanceSettings of(long memoryBudgetBytes, int processors) {
        int max = Math.max(1, Math.min(CPU_CAP, processors));
        return new InstanceSettings(memoryBudgetBytes, max, Math.min(2, max));
    }
}
