package io.grapholap.engine.spark;

import io.grapholap.application.graph.GraphEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the Spark engine module contributes to a server that ships it: the {@code spark}
 * {@link GraphEngine}, configured by {@code grapholap.spark.*} (checked here at start-up, each message
 * naming its setting), which reports itself unavailable with the reason when its driver program is
 * missing. The driver JVM starts at the first load and stops with the server.
 */
@Factory
public class SparkEngineFactory {

    @Singleton
    @Named(SparkGraphEngine.NAME)
    @Bean(typed = {SparkGraphEngine.class, GraphEngine.class}, preDestroy = "close")
    SparkGraphEngine sparkGraphEngine(BufferAllocator allocator,
                                      @Value("${grapholap.spark.master:local[2]}") String master,
                                      @Value("${grapholap.spark.home:}") String home,
                                      @Value("${grapholap.spark.driver-memory:1g}") String driverMemory,
                                      @Value("${grapholap.spark.executor-memory:1g}") String executorMemory,
                                      @Value("${grapholap.spark.partitions:8}") int partitions,
                                      @Value("${grapholap.spark.work-dir:}") String workDir,
                                      @Value("${grapholap.data-dir:./data}") String dataDir) {
        Path work = workDir.isBlank() ? Path.of(dataDir, "spark-work") : Path.of(workDir);
        Path programs = home.isBlank() ? SparkSettings.defaultHome() : Path.of(home);
        return new SparkGraphEngine(allocator, new SparkSettings(master, programs, driverMemory, executorMemory,
                partitions, work.toAbsolutePath(), null));
    }
}
