package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GpuEngineFactoryTest {

    @Test
    void cpuStaysTheDefaultAndTheGpuEngineIsThereByType() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("grapholap.cpu.threads", 2))) {
            assertThat(ctx.getBean(GraphEngine.class)).isInstanceOf(CpuGraphEngine.class);
            GpuGraphEngine gpu = ctx.getBean(GpuGraphEngine.class);
            assertThat(gpu.info().name()).isEqualTo("gpu");
            assertThat(ctx.getBeansOfType(ReadinessProbe.class)).extracting(ReadinessProbe::name).contains("engine-gpu");
        }
    }

    @Test
    void engineGpuMakesTheGpuEngineTheDefault() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("grapholap.engine", "gpu"))) {
            GraphEngine engine = ctx.getBean(GraphEngine.class);

            assertThat(engine).isInstanceOf(GpuGraphEngine.class).isSameAs(ctx.getBean(GpuGraphEngine.class));
            assertThat(engine.info().name()).isEqualTo("gpu");
            if (!engine.info().available()) {
                ReadinessProbe probe = ctx.getBeansOfType(ReadinessProbe.class).stream()
                        .filter(p -> p.name().equals("engine-gpu")).findFirst().orElseThrow();
                assertThat(probe.check().up()).isFalse();
                assertThat(probe.check().detail()).isEqualTo(engine.info().unavailableReason());
            }
        }
    }
}
