package io.grapholap.engine.cpu;

import io.grapholap.application.graph.GraphEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the CPU engine module contributes to a server that ships it: the {@code cpu}
 * {@link GraphEngine}, with {@code grapholap.cpu.threads}
 * (0 = all processors) as its default parallelism, which also runs its kernels over other engines'
 * host graphs when the application falls back to it ({@code engine=auto}). Whether it is the
 * default engine is the server's choice ({@code grapholap.engine}).
 */
@Factory
public class CpuEngineFactory {

    @Singleton
    @Named(CpuGraphInstance.ENGINE)
    @Bean(typed = {CpuGraphEngine.class, GraphEngine.class})
    CpuGraphEngine cpuGraphEngine(BufferAllocator allocator, @Value("${grapholap.cpu.threads:0}") int threads) {
        return new CpuGraphEngine(allocator, threads);
    }
}
