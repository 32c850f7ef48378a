package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class GpuEngineFactoryTest {

    @Test
    void theModuleContributesTheGpuEngineUnderItsNameBesideTheOthers() {
        try (ApplicationContext ctx = ApplicationContext.run()) {
            // engine-cpu is on this module's test class path (the kernel comparisons need it); the GPU
            // verification bundle runs this test with the bench's class path, which ships engine-spark too
            assertThat(ctx.getBeansOfType(GraphEngine.class)).extracting(e -> e.info().name())
                    .contains("cpu", "gpu").doesNotHaveDuplicates();
            GraphEngine gpu = ctx.getBean(GraphEngine.class, Qualifiers.byName("gpu"));
            assertThat(gpu).isInstanceOf(GpuGraphEngine.class).isSameAs(ctx.getBean(GpuGraphEngine.class));
            ReadinessProbe probe = ctx.getBeansOfType(ReadinessProbe.class).stream()
                    .filter(p -> p.name().equals("engine-gpu")).findFirst().orElseThrow();
            assertThat(probe.check().up()).isEqualTo(gpu.info().available());
            if (!gpu.info().available()) {
                assertThat(probe.check().detail()).isEqualTo(gpu.info().unavailableReason());
            }
        }
    }
}
