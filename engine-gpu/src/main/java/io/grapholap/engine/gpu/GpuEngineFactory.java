package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.graph.csr.HostAlgorithms;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the GPU engine module contributes to a server that ships it: the {@code gpu}
 * {@link GraphEngine}, which reports itself unavailable (with the driver's reason) on a machine
 * without a GPU, and its readiness probe. It loads on the shared Arrow allocator; the algorithms it
 * has no kernel for run, when a request allows it, on the {@link HostAlgorithms} of another engine
 * the server ships. Whether it is the default engine is the server's choice ({@code grapholap.engine}).
 */
@Factory
public class GpuEngineFactory {

    @Singleton
    @Named(GpuGraphEngine.NAME)
    @Bean(typed = {GpuGraphEngine.class, GraphEngine.class}, preDestroy = "close")
    GpuGraphEngine gpuGraphEngine(BufferAllocator allocator, Optional<HostAlgorithms> fallback) {
        return new GpuGraphEngine(HostGraphLoader.csr(allocator, fallback.orElse(null)));
    }

    @Singleton
    @Named("engine-gpu")
    ReadinessProbe gpuReadinessProbe(GpuGraphEngine gpu) {
        return new GpuReadinessProbe(gpu);
    }
}
