package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the GPU engine module contributes to a server that ships it: the {@code gpu}
 * {@link GraphEngine}, which reports itself unavailable (with the driver's reason) on a machine
 * without a GPU, and its readiness probe. It loads on the shared Arrow allocator; the algorithms it
 * has no kernel for run, when a request allows it, on another engine the server ships, over the same
 * host graph (the application chooses it). Whether it is the default engine is the server's choice
 * ({@code grapholap.engine}).
 */
@Factory
public class GpuEngineFactory {

    @Singleton
    @Named(GpuGraphEngine.NAME)
    @Bean(typed = {GpuGraphEngine.class, GraphEngine.class}, preDestroy = "close")
    GpuGraphEngine gpuGraphEngine(BufferAllocator allocator) {
        return new GpuGraphEngine(HostGraphLoader.csr(allocator));
    }

    @Singleton
    @Named("engine-gpu")
    ReadinessProbe gpuReadinessProbe(GpuGraphEngine gpu) {
        return new GpuReadinessProbe(gpu);
    }
}
