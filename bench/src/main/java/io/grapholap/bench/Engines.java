package io.grapholap.bench;

/** Our engines as the bench drives them. */
final class Engines {

    private Engines() {
    }

    static EngineUnderTest ours(WorkerSpec spec) {
        return switch (spec.engine()) {
            case "gpu" -> new GpuEngine(spec.threads());
            case "spark" -> new SparkEngine(spec.threads());
            default -> new CpuEngine(spec.threads());
        };
    }
}
