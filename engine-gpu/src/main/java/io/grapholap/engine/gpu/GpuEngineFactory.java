package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Beans of the GPU engine. The engine always exists, as a bean of type {@link GpuGraphEngine} named
 * {@code gpu} (typed so that it never competes with the default {@link GraphEngine}), reporting itself
 * unavailable on a machine without a GPU; a later per-request choice injects it by that type. It is
 * also the {@link GraphEngine} when {@code grapholap.engine=gpu} (engine-cpu's factory supplies the
 * CPU engine otherwise). It loads through its own CPU engine on the shared Arrow allocator, with
 * {@code grapholap.cpu.threads} threads (0 = all processors) for the host side.
 */
@Factory
public class GpuEngineFactory {

    @Singleton
    @Named(GpuGraphEngine.NAME)
    @Bean(typed = GpuGraphEngine.class, preDestroy = "close")
    GpuGraphEngine gpuGraphEngine(BufferAllocator allocator, @Value("${grapholap.cpu.threads:0}") int threads) {
        return new GpuGraphEngine(HostGraphLoader.cpu(new CpuGraphEngine(allocator, threads)));
    }

    @Singleton
    @Requires(property = "grapholap.engine", value = "gpu")
    GraphEngine defaultGraphEngine(GpuGraphEngine gpu) {
        return gpu;
    }

    @Singleton
    @Named("engine-gpu")
    ReadinessProbe gpuReadinessProbe(GpuGraphEngine gpu) {
        return new GpuReadinessProbe(gpu);
    }
}
