package io.grapholap.server.config;

import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.CancelExecution;
import io.grapholap.application.algorithm.Executions;
import io.grapholap.application.algorithm.HostMemory;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.algorithm.QueryAlgorithmCalls;
import io.grapholap.application.algorithm.ListAlgorithms;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.algorithm.StartExecution;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.dataplane.SchemaUseCase;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.server.settings.DataPlaneProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Wires the data plane (queries, schema, algorithms); settings in {@link DataPlaneProperties}. */
@Factory
final class DataPlaneUseCasesFactory {

    @Singleton
    DataPlaneSettings dataPlaneSettings(DataPlaneProperties properties) {
        return properties.settings();
    }

    /**
     * Queries in progress, each on a query thread of its own, bounded in all and per user: one count for
     * HTTP queries and Gremlin driver requests together.
     */
    @Singleton
    @Named("running-queries")
    ConcurrencyLimit runningQueries(DataPlaneProperties properties) {
        return new ConcurrencyLimit("queries", "user", properties.runningQueries(), properties.runningQueriesPerUser());
    }

    /** Cypher's CALL grapholap.<algorithm> runs through the instance runs, as the user who queries. */
    @Singleton
    QueryUseCase queryUseCase(LiveInstances instances, InstanceRuns runs, DataPlaneSettings settings,
                              @Named("running-queries") ConcurrencyLimit running) {
        return new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs, user, instance), settings, running);
    }

    @Singleton
    SchemaUseCase schemaUseCase(LiveInstances instances) {
        return new SchemaUseCase(instances);
    }

    /** Runs against the free heap of this JVM. */
    @Singleton
    AlgorithmRunner algorithmRunner(EngineChoice engines) {
        return new AlgorithmRunner(engines, HostMemory.jvmHeap());
    }

    @Singleton
    Executions executions(DataPlaneSettings settings) {
        return new Executions(settings, Clock.systemUTC());
    }

    @Singleton
    InstanceRuns instanceRuns(AlgorithmRunner runner, Executions executions) {
        return new InstanceRuns(runner, executions);
    }

    @Singleton
    StartExecution startExecution(LiveInstances instances, InstanceRuns runs, DataPlaneSettings settings,
                                  @Named("algorithm-runs") ExecutorService executor) {
        return new StartExecution(instances, runs, settings, executor);
    }

    @Singleton
    ReadExecutions readExecutions(LiveInstances instances, Executions executions) {
        return new ReadExecutions(instances, executions);
    }

    @Singleton
    ListAlgorithms listAlgorithms(EngineChoice engines) {
        return new ListAlgorithms(engines);
    }

    @Singleton
    CancelExecution cancelExecution(Executions executions) {
        return new CancelExecution(executions);
    }
}
