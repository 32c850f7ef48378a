package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Device memory is given back: a graph loaded and freed 100 times leaves free memory where it was;
 * a run that runs out of device memory fails clearly and the instance keeps working. Skipped, with
 * the reason printed, without a GPU.
 */
class GpuDeviceMemoryTest {

    private static final long MIB = 1024L * 1024L;
    private static GpuGraphEngine engine;

    @BeforeEach
    void requireGpu() {
        GpuAssumptions.assumeGpu("GpuDeviceMemoryTest");
        if (engine == null) {
            engine = new GpuGraphEngine(null);
        }
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void loadingAndFreeingAHundredTimesGivesEveryByteBack() {
        CsrGraph g = HostGraphs.random(11, 20_000, 200_000, true);
        try (GraphInstance warm = engine.load(HostGraphs.of(g), ProgressListener.NONE)) {
            warm.run(AlgorithmRegistry.parse("pagerank", Map.of("iterations", 2)), ExecutionContext.of(1));
        }
        long freeBefore = engine.deviceMemory()[0];

        for (int i = 0; i < 100; i++) {
            try (GraphInstance instance = engine.load(HostGraphs.of(g), ProgressListener.NONE)) {
                assertThat(instance.statistics().deviceBytes()).isPositive();
            }
        }

        assertThat(engine.allocatedDeviceBytes()).isZero();
        assertThat(engine.deviceMemory()[0]).isBetween(freeBefore - 2 * MIB, freeBefore + 2 * MIB);
    }

    @Test
    void outOfMemoryDuringARunIsAClearErrorAndTheInstanceStaysUsable() {
        CsrGraph g = HostGraphs.random(12, 10_000, 400_000, true);
        try (GraphInstance instance = engine.load(HostGraphs.of(g), ProgressListener.NONE)) {
            CudaDevice device = engine.device();
            List<DeviceBuffer> ballast = new ArrayList<>();
            try {
                // fill the device until not even 1 MiB more can be allocated
                device.run(() -> {
                    long chunk = 1024 * MIB;
                    while (chunk >= MIB) {
                        try {
                            ballast.add(device.alloc(chunk, "ballast"));
                        } catch (ConflictException full) {
                            chunk /= 2;
                        }
                    }
                });
                // cdlp needs 8 bytes per out- and in-arc of scratch: 6.4 MB here
                assertThatThrownBy(() -> instance.run(AlgorithmRegistry.parse("cdlp", Map.of()), ExecutionContext.of(1)))
                        .isInstanceOfSatisfying(ConflictException.class, e -> {
                            assertThat(e.code()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
                            assertThat(e.details()).containsKeys("needed_bytes", "free_bytes");
                        });
            } finally {
                device.run(() -> ballast.forEach(device::free));
            }

            AlgorithmResult r = instance.run(AlgorithmRegistry.parse("cdlp", Map.of()), ExecutionContext.of(1));
            assertThat(r.engine()).isEqualTo("gpu");
            assertThat(r.rowCount()).isEqualTo(10_000);
        }
    }

    @Test
    void aGraphThatDoesNotFitIsRefusedWithNeededAndFreeBeforeLoading() {
        long free = engine.deviceMemory()[0];
        HostGraphLoader.GraphShape huge = new HostGraphLoader.GraphShape(free / 8, free / 4);
        HostGraphLoader loader = new HostGraphLoader() {
            @Override
            public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
                return new MemoryEstimate(0, 0, 0, Map.of());
            }

            @Override
            public GraphShape shape(Path snapshotDir, LoadOptions options) {
                return huge;
            }

            @Override
            public HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress,
                                  CancellationToken cancel) {
                throw new AssertionError("a load that cannot fit must be refused before reading the snapshot");
            }
        };
        try (GpuGraphEngine refusing = new GpuGraphEngine(loader)) {
            assertThatThrownBy(() -> refusing.load(Path.of("huge"), LoadOptions.defaults(), ProgressListener.NONE,
                    CancellationToken.create()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
                        assertThat((Long) e.details().get("needed_bytes")).isGreaterThan((Long) e.details().get("free_bytes"));
                    });
        }
    }
}
