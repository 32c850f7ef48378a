package io.grapholap.server.config;

import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.LibraryImporters;
import io.grapholap.application.function.LibrarySource;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.FunctionEngines;
import io.grapholap.application.udf.FunctionLibraryImporters;
import io.grapholap.application.udf.FunctionRepository;
import io.grapholap.application.udf.FunctionUseCases;
import io.grapholap.application.udf.JsonWriter;
import io.grapholap.application.udf.OrganizationSettingsRepository;
import io.grapholap.application.udf.OrganizationUseCases;
import io.grapholap.application.udf.RunFunctions;
import io.grapholap.application.udf.RunSettings;
import io.grapholap.application.udf.RunSlots;
import io.grapholap.application.udf.TableEncoder;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.server.settings.ServerProperties;
import io.grapholap.server.settings.UdfProperties;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Wires the UDF use cases (those that run or check code exist when a {@link FunctionRuntime} bean
 * does); settings in {@link UdfProperties}. Built graphs are written under
 * {@code ${grapholap.data-dir}/udf-work} before loading. Engines are chosen as for instances
 * ({@link EngineChoice}). Ports other helpers implement may be absent from a build: without a
 * dataset catalog no dataset is known, without a live-instance registry no instance, without a
 * library store no library (each says so in its not-found error).
 */
@Factory
final class FunctionUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    RunSettings udfRunSettings(UdfProperties udf, ServerProperties server) {
        return udf.runSettings(server.dir("udf-work"));
    }

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    RunSlots udfRunSlots(@Named("udf-runs") ExecutorService threads, UdfProperties udf) {
        return new RunSlots(threads, udf.limits());
    }

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    FunctionEngines functionEngines(EngineChoice engines) {
        return new FunctionEngines(engines);
    }

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    @Bean(preDestroy = "close")
    RunFunctions runFunctions(FunctionRepository functions, FunctionRuntime runtime, BeanProvider<LibrarySource> libraries,
                              BeanProvider<DatasetCatalog> datasets, BeanProvider<LiveInstances> instances, FunctionEngines engines,
                              SnapshotWriterFactory writers, List<TableEncoder> encoders, JsonWriter json, RunSettings settings,
                              RunSlots slots, InstanceRuns runs, AlgorithmRunner runner,
                              OrganizationSettingsRepository organizations) {
        Map<OutputFormat, TableEncoder> byFormat = new EnumMap<>(OutputFormat.class);
        encoders.forEach(e -> byFormat.put(e.format(), e));
        LibrarySource librarySource = libraries.isPresent() ? libraries.get() : (language, organization, names) -> {
            throw new NotFoundException("library", names.iterator().next());
        };
        DatasetCatalog catalog = datasets.isPresent() ? datasets.get() : new DatasetCatalog() {
            @Override
            public DatasetRef resolve(String datasetId, Actor actor) {
                throw new NotFoundException("dataset", datasetId);
            }

            @Override
            public List<DatasetRef> list(Actor actor, int limit) {
                return List.of();
            }
        };
        LiveInstances live = instances.isPresent() ? instances.get() : (id, actor) -> {
            throw new NotFoundException("instance", id);
        };
        return new RunFunctions(functions, runtime, librarySource, catalog, live, engines, writers, byFormat, json, settings,
                slots, runs, runner, organizations);
    }

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    FunctionUseCases functionUseCases(FunctionRepository functions, OrganizationSettingsRepository organizations,
                                      FunctionRuntime runtime, RunFunctions runs, RunSlots slots, EngineChoice engines) {
        return new FunctionUseCases(functions, organizations, runtime, FunctionEngine.parse(engines.defaultName(), "grapholap.engine"),
                engines.names(), runs.formats(), CLOCK, slots);
    }

    @Singleton
    OrganizationUseCases organizationUseCases(OrganizationSettingsRepository organizations) {
        return new OrganizationUseCases(organizations, CLOCK);
    }

    @Singleton
    LibraryImporters libraryImporters(FunctionRepository functions) {
        return new FunctionLibraryImporters(functions);
    }
}
