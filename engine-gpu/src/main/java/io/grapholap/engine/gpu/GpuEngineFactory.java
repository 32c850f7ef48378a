package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Beans of the GPU engine. The engine is always there as {@code @Named("gpu")} (reporting itself
 * unavailable on a machine without a GPU), so a request can ask for it by name; it becomes the
 * default {@link GraphEngine} when {@code grapholap.engine=gpu} (engine-cpu's factory supplies the
 * default otherwise). Loading goes through a {@link HostGraphLoader} bean over the CPU engine; until
 * one is configured the engine answers loads with {@code ENGINE_UNAVAILABLE}.
 */
@Factory
public class GpuEngineFactory {

    @Singleton
    @Named(GpuGraphEngine.NAME)
    @Bean(preDestroy = "close")
    GpuGraphEngine gpuGraphEngine(BeanProvider<HostGraphLoader> loader) {
        return new GpuGraphEngine(loader.isPresent() ? loader.get() : null);
    }

    @Singleton
    @Primary
    @Requires(property = "grapholap.engine", value = "gpu")
    GraphEngine defaultGraphEngine(@Named(GpuGraphEngine.NAME) GpuGraphEngine gpu) {
        return gpu;
    }

    @Singleton
    @Named("engine-gpu")
    ReadinessProbe gpuReadinessProbe(@Named(GpuGraphEngine.NAME) GpuGraphEngine gpu) {
        return new GpuReadinessProbe(gpu);
    }
}
