package io.grapholap.engine.gpu;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine on a machine without a usable GPU: it says why, and every device call fails clearly. */
class GpuGraphEngineUnavailableTest {

    private static final String REASON = "CUDA driver not loadable: libcuda.so.1: cannot open shared object file";

    private final GpuGraphEngine engine = new GpuGraphEngine(null, () -> CudaAvailability.unavailable(REASON));

    @Test
    void infoReportsUnavailableWithTheReason() {
        EngineInfo info = engine.info();

        assertThat(info.name()).isEqualTo("gpu");
        assertThat(info.available()).isFalse();
        assertThat(info.unavailableReason()).isEqualTo(REASON);
        assertThat(info.devices()).isZero();
        assertThat(info.details()).containsEntry("reason", REASON).containsKey("kernels");
    }

    @Test
    void loadingFailsWithEngineUnavailableAndTheReason() {
        CsrGraph g = CsrGraph.fromEdges(3, true, new int[][] {{0, 1}, {1, 2}});
        HostGraphs.CpuInstance host = new HostGraphs.CpuInstance(g);

        assertThatThrownBy(() -> engine.load(new HostGraphLoader.HostGraph(g, host), ProgressListener.NONE))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE");
                    assertThat(e.getMessage()).contains(REASON);
                    assertThat(e.details()).containsEntry("engine", "gpu").containsEntry("reason", REASON);
                });
        assertThatThrownBy(() -> engine.load(Path.of("no-such-snapshot"), LoadOptions.defaults(), ProgressListener.NONE,
                CancellationToken.create()))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE"));
        assertThatThrownBy(engine::deviceMemory).isInstanceOf(UnavailableException.class);
    }

    @Test
    void readinessProbeIsDownWithTheReasonAndNotCritical() {
        ReadinessProbe probe = new GpuReadinessProbe(engine);

        ReadinessProbe.ProbeResult result = probe.check();

        assertThat(probe.critical()).isFalse();
        assertThat(probe.name()).isEqualTo("engine-gpu");
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).isEqualTo(REASON);
    }

    @Test
    void theRealProbeOnAMachineWithoutGpuGivesTheLoadersReason() {
        GpuGraphEngine real = new GpuGraphEngine(null);
        CudaAvailability a = real.availability();
        org.junit.jupiter.api.Assumptions.assumeFalse(a.available(), "this machine has a GPU");

        assertThat(real.info().unavailableReason()).isEqualTo(a.reason());
        CsrGraph g = CsrGraph.fromEdges(2, true, new int[][] {{0, 1}});
        assertThatThrownBy(() -> real.load(HostGraphs.of(g), ProgressListener.NONE))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE");
                    assertThat(e.details()).containsEntry("reason", a.reason());
                });
        real.close();
    }

    @Test
    void closingAnEngineThatNeverOpenedADeviceIsHarmless() {
        engine.close();
        assertThat(engine.allocatedDeviceBytes()).isZero();
    }
}
