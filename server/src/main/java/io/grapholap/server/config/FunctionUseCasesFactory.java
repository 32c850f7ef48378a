package io.grapholap.server.config;

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
import io.grapholap.application.udf.OrganizationSettingsRepository;
import io.grapholap.application.udf.OrganizationUseCases;
import io.grapholap.application.udf.RunFunctions;
import io.grapholap.application.udf.RunSettings;
import io.grapholap.application.udf.RunSlots;
import io.grapholap.application.udf.TableEncoder;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.OutputFormat;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the UDF use cases (those that run or check code exist when a {@link FunctionRuntime} bean does). Settings, all under
 * {@code grapholap.udf}: {@code default-timeout} (PT30S) and {@code max-timeout} (PT5M) of a run,
 * {@code default-output-bytes} (10 MiB) and {@code max-output-bytes} (100 MiB), {@code cached-datasets}
 * (datasets kept loaded between runs, 4) and {@code memory-budget-bytes} (what they may hold together;
 * 0 = a fifth of the maximum heap), {@code max-built-rows} (nodes plus edges of a graph built from
 * lists, 1,000,000). Built graphs are written under {@code ${grapholap.data-dir}/udf-work} before
 * loading. Engines are chosen as for instances ({@link EngineChoice}). Ports other helpers implement
 * may be absent from a build: without a dataset catalog no dataset is known, without a live-instance
 * registry no instance, without a library store no library (each says so in its not-found error).
 */
@Factory
final class FunctionUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    /** Built at start-up (a {@code @Context} bean) so that bad settings stop the server with their message. */
    @Context
    @Requires(beans = FunctionRuntime.class)
    RunSettings udfRunSettings(@Value("${grapholap.udf.default-timeout:PT30S}") String defaultTimeout,
                               @Value("${grapholap.udf.max-timeout:PT5M}") String maxTimeout,
                               @Value("${grapholap.udf.default-output-bytes:10485760}") long defaultOutput,
                               @Value("${grapholap.udf.max-output-bytes:104857600}") long maxOutput,
                               @Value("${grapholap.udf.cached-datasets:4}") int cached,
                               @Value("${grapholap.udf.memory-budget-bytes:0}") long budget,
                               @Value("${grapholap.udf.max-built-rows:1000000}") int maxBuiltRows,
                               @Value("${grapholap.data-dir:./data}") String dataDir) {
        return new RunSettings(duration("grapholap.udf.default-timeout", defaultTimeout), duration("grapholap.udf.max-timeout", maxTimeout),
                defaultOutput, maxOutput, cached, budget > 0 ? budget : Runtime.getRuntime().maxMemory() / 5, maxBuiltRows,
                Path.of(dataDir).resolve("udf-work"));
    }

    /**
     * Platform threads for guest code, one per busy run slot (idle ones end after a minute). Their
     * number is bounded by {@link RunSlots}: a task is only handed over with a slot, which a thread
     * keeps until its guest has really ended.
     */
    @Singleton
    @Named("udf-runs")
    @Requires(beans = FunctionRuntime.class)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService udfRunThreads() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> Thread.ofPlatform().daemon().name("udf-run-" + n.incrementAndGet()).unstarted(r));
    }

    /**
     * Settings under {@code grapholap.udf}: {@code run-slots} (runs executing at once; default one per
     * two cores, at least 1), {@code run-queue} (runs waiting for a slot; four times the slots), {@code runs-per-user}
     * (twice the slots) and {@code runs-per-organization} (four times the slots) counting running and waiting runs,
     * {@code stop-grace} (PT1S: how long past its deadline a run that ignores its stop is waited for).
     */
    @Context
    @Requires(beans = FunctionRuntime.class)
    RunSlots udfRunSlots(@Named("udf-runs") ExecutorService threads,
                         @Value("${grapholap.udf.run-slots:0}") int slots,
                         @Value("${grapholap.udf.run-queue:-1}") int queue,
                         @Value("${grapholap.udf.runs-per-user:0}") int perUser,
                         @Value("${grapholap.udf.runs-per-organization:0}") int perOrganization,
                         @Value("${grapholap.udf.stop-grace:PT1S}") String grace) {
        RunSlots.Limits sized = RunSlots.Limits.fromCores(slots > 0 ? 2 * slots : Runtime.getRuntime().availableProcessors());
        return new RunSlots(threads, new RunSlots.Limits(sized.slots(), queue >= 0 ? queue : sized.queue(),
                perUser > 0 ? perUser : sized.perUser(), perOrganization > 0 ? perOrganization : sized.perOrganization(),
                duration("grapholap.udf.stop-grace", grace)));
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
                              SnapshotWriterFactory writers, List<TableEncoder> encoders, RunSettings settings, RunSlots slots) {
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
        return new RunFunctions(functions, runtime, librarySource, catalog, live, engines, writers, byFormat, settings, slots);
    }

    @Singleton
    @Requires(beans = FunctionRuntime.class)
    FunctionUseCases functionUseCases(FunctionRepository functions, OrganizationSettingsRepository organizations,
                                      FunctionRuntime runtime, RunFunctions runs, RunSlots slots,
                                      @Value("${grapholap.engine:cpu}") String defaultEngine) {
        return new FunctionUseCases(functions, organizations, runtime, FunctionEngine.parse(defaultEngine, "grapholap.engine"),
                runs.formats(), CLOCK, slots);
    }

    @Singleton
    OrganizationUseCases organizationUseCases(OrganizationSettingsRepository organizations) {
        return new OrganizationUseCases(organizations, CLOCK);
    }

    @Singleton
    LibraryImporters libraryImporters(FunctionRepository functions) {
        return new FunctionLibraryImporters(functions);
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT30S, got '" + value + "'", e);
        }
    }
}
