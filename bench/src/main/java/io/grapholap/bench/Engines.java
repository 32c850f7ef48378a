package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;

/** Our engines as the bench drives them. */
final class Engines {

    private Engines() {
    }

    static EngineUnderTest ours(WorkerSpec spec) {
        return switch (spec.engine()) {
            case "gpu" -> new GpuEngine(spec.threads());
            default -> new CpuEngine(spec.threads());
        };
    }

    /** An engine that refuses every graph with one reason. */
    record Unavailable(String name, String reason) implements EngineUnderTest {

        @Override
        public String unsupported(String algorithm) {
            return reason;
        }

        @Override
        public String refuse(GeneratedGraph graph, int scale, long maxHeapBytes) {
            return reason;
        }

        @Override
        public String load(GeneratedGraph graph, BenchContext context) {
            throw new UnsupportedOperationException(reason);
        }

        @Override
        public String run(String algorithm, int source, Workload workload) {
            throw new UnsupportedOperationException(reason);
        }
    }
}
