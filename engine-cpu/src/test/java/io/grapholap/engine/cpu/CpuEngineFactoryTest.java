package io.grapholap.engine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuEngineFactoryTest {

    @Test
    void theModuleContributesTheCpuEngineUnderItsName() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("grapholap.cpu.threads", 3))) {
            GraphEngine engine = ctx.getBean(GraphEngine.class);
            assertThat(engine).isInstanceOf(CpuGraphEngine.class);
            assertThat(engine.info().name()).isEqualTo("cpu");
            assertThat(engine.info().available()).isTrue();
            assertThat(engine.info().threads()).isEqualTo(3);
            assertThat(ctx.getBeansOfType(GraphEngine.class)).hasSize(1);
            assertThat(ctx.getBean(SnapshotWriterFactory.class)).isNotNull();
        }
    }

    @Test
    void theDefaultEngineSettingDoesNotRemoveIt() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("grapholap.engine", "gpu"))) {
            assertThat(ctx.getBean(GraphEngine.class).info().name()).isEqualTo("cpu");
        }
    }
}
