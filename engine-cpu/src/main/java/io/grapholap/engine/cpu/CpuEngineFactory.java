package io.grapholap.engine.cpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.engine.cpu.snapshot.ArrowSnapshotWriterFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Wires the CPU engine: one Arrow {@link RootAllocator} for the process, the snapshot writer, and
 * the CPU engine (always, typed {@link CpuGraphEngine} and named {@code cpu}) and the
 * {@link GraphEngine} bean when {@code grapholap.engine} is {@code cpu} (the default).
 * {@code grapholap.cpu.threads} (0 = all processors) sets the default parallelism.
 */
@Factory
public class CpuEngineFactory {

    @Singleton
    @Bean(preDestroy = "close")
    BufferAllocator rootAllocator() {
        return new RootAllocator();
    }

    @Singleton
    SnapshotWriterFactory snapshotWriterFactory(BufferAllocator allocator) {
        return new ArrowSnapshotWriterFactory(allocator);
    }

    /**
     * The CPU engine under its own type and name {@code cpu}, whatever the default engine is, so
     * that an instance may ask for it by name when {@code grapholap.engine=gpu}.
     */
    @Singleton
    @Named("cpu")
    @Bean(typed = CpuGraphEngine.class)
    CpuGraphEngine namedCpuGraphEngine(BufferAllocator allocator, @Value("${grapholap.cpu.threads:0}") int threads) {
        return new CpuGraphEngine(allocator, threads);
    }

    @Singleton
    @Requires(property = "grapholap.engine", value = "cpu", defaultValue = "cpu")
    GraphEngine cpuGraphEngine(@Named("cpu") CpuGraphEngine cpu) {
        return cpu;
    }
}
