package io.grapholap.server.config;

import io.grapholap.application.dataplane.AlgorithmUseCases;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.dataplane.SchemaUseCase;
import io.grapholap.application.instance.LiveInstances;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the data plane (queries, schema, algorithms). Settings under {@code grapholap.dataplane}:
 * {@code query-timeout} (PT60S) and {@code max-query-timeout} (PT10M), {@code max-rows} (100000, per
 * query response and per kept stream result), {@code algorithm-timeout} (PT30M) and
 * {@code max-algorithm-timeout} (PT2H), {@code sync-wait} (PT30S: how long a start waits before
 * answering 202 with an execution id), {@code max-executions} (100) and {@code execution-retention}
 * (PT1H: finished executions are kept in memory that long).
 */
@Factory
final class DataPlaneUseCasesFactory {

    @Singleton
    DataPlaneSettings dataPlaneSettings(@Value("${grapholap.dataplane.query-timeout:PT60S}") String queryTimeout,
                                        @Value("${grapholap.dataplane.max-query-timeout:PT10M}") String maxQueryTimeout,
                                        @Value("${grapholap.dataplane.max-rows:100000}") int maxRows,
                                        @Value("${grapholap.dataplane.algorithm-timeout:PT30M}") String algorithmTimeout,
                                        @Value("${grapholap.dataplane.max-algorithm-timeout:PT2H}") String maxAlgorithmTimeout,
                                        @Value("${grapholap.dataplane.sync-wait:PT30S}") String syncWait,
                                        @Value("${grapholap.dataplane.max-executions:100}") int maxExecutions,
                                        @Value("${grapholap.dataplane.execution-retention:PT1H}") String retention) {
        return new DataPlaneSettings(duration("query-timeout", queryTimeout), duration("max-query-timeout", maxQueryTimeout),
                maxRows, duration("algorithm-timeout", algorithmTimeout),
                duration("max-algorithm-timeout", maxAlgorithmTimeout), duration("sync-wait", syncWait), maxExecutions,
                duration("execution-retention", retention));
    }

    private static Duration duration(String name, String text) {
        try {
            return Duration.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("grapholap.dataplane." + name + " must be an ISO-8601 duration such as PT60S, got '"
                    + text + "'", e);
        }
    }

    /**
     * {@code grapholap.dataplane.max-running-queries} (0 = eight per core, at least 16) and
     * {@code max-running-queries-per-user} (0 = half of that): queries in progress, each on a query
     * thread of its own.
     */
    @Singleton
    QueryUseCase queryUseCase(LiveInstances instances, DataPlaneSettings settings,
                              @Value("${grapholap.dataplane.max-running-queries:0}") int total,
                              @Value("${grapholap.dataplane.max-running-queries-per-user:0}") int perUser) {
        int all = total > 0 ? total : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        return new QueryUseCase(instances, settings, new ConcurrencyLimit("queries", "user", all,
                perUser > 0 ? perUser : Math.max(1, all / 2)));
    }

    @Singleton
    SchemaUseCase schemaUseCase(LiveInstances instances) {
        return new SchemaUseCase(instances);
    }

    /**
     * Threads for algorithm runs. Unbounded in count because the per-instance lock already bounds the
     * runs to one per running instance; platform threads, since a run is CPU-bound.
     */
    @Singleton
    @Named("algorithm-runs")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService algorithmRuns() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "algorithm-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Singleton
    AlgorithmUseCases algorithmUseCases(LiveInstances instances, DataPlaneSettings settings,
                                        @Named("algorithm-runs") ExecutorService runs) {
        return new AlgorithmUseCases(instances, settings, runs, Clock.systemUTC());
    }
}
