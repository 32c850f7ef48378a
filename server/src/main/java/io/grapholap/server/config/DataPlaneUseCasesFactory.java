package io.grapholap.server.config;

import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.dataplane.AlgorithmUseCases;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.dataplane.SchemaUseCase;
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

    /** Queries in progress, each on a query thread of its own, bounded in all and per user. */
    @Singleton
    QueryUseCase queryUseCase(LiveInstances instances, DataPlaneSettings settings, DataPlaneProperties properties) {
        return new QueryUseCase(instances, settings, new ConcurrencyLimit("queries", "user", properties.runningQueries(),
                properties.runningQueriesPerUser()));
    }

    @Singleton
    SchemaUseCase schemaUseCase(LiveInstances instances) {
        return new SchemaUseCase(instances);
    }

    @Singleton
    AlgorithmUseCases algorithmUseCases(LiveInstances instances, DataPlaneSettings settings,
                                        @Named("algorithm-runs") ExecutorService runs) {
        return new AlgorithmUseCases(instances, settings, runs, Clock.systemUTC());
    }
}
