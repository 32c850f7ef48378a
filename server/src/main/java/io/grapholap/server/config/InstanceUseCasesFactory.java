package io.grapholap.server.config;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetDependants;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.instance.InstanceBulkDelete;
import io.grapholap.application.instance.InstanceCensusView;
import io.grapholap.application.instance.InstanceLifecycleJob;
import io.grapholap.application.instance.InstanceRegistry;
import io.grapholap.application.instance.InstanceRepository;
import io.grapholap.application.instance.InstanceSettings;
import io.grapholap.application.instance.InstanceSources;
import io.grapholap.application.instance.InstanceDependants;
import io.grapholap.application.instance.InstanceUseCases;
import io.grapholap.application.instance.LoadJobs;
import io.grapholap.application.instance.ReadySnapshotDatasets;
import io.grapholap.application.instance.ReconcileInstances;
import io.grapholap.application.instance.SnapshotInstanceSources;
import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the instance use cases. Settings: {@code grapholap.instances.memory-budget} (bytes that
 * live instances may hold in all, by the engines' estimates; default 0 = 60% of the maximum
 * heap), {@code grapholap.instances.load-workers} (loads at once, default 2),
 * {@code grapholap.instances.poll-interval} (how often waiting instances look at their snapshot
 * and activity is written, ISO-8601, default PT1S), {@code grapholap.instances.lifecycle-interval}
 * (interval of the {@code lifecycle} reaper job, default PT1M). Engines: the default
 * {@link GraphEngine} ({@code grapholap.engine}) plus any engine bean named {@code cpu} or
 * {@code gpu} (the GPU engine is always one, reporting itself unavailable without a device).
 */
@Factory
final class InstanceUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    InstanceSettings instanceSettings(@Value("${grapholap.instances.memory-budget:0}") long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("grapholap.instances.memory-budget must be >= 0 bytes, got " + budget);
        }
        long bytes = budget == 0 ? Runtime.getRuntime().maxMemory() / 10 * 6 : budget;
        return InstanceSettings.of(bytes, Runtime.getRuntime().availableProcessors());
    }

    @Singleton
    EngineChoice engineChoice(BeanContext context, GraphEngine defaultEngine,
                              @Value("${grapholap.engine:cpu}") String defaultName) {
        Map<String, GraphEngine> engines = new LinkedHashMap<>();
        engines.put(defaultEngine.info().name(), defaultEngine);
        for (String name : new String[] {"cpu", "gpu"}) {
            for (BeanDefinition<?> definition : context.getBeanDefinitions(Qualifiers.byName(name))) {
                if (GraphEngine.class.isAssignableFrom(definition.getBeanType()) && !engines.containsKey(name)) {
                    engines.put(name, (GraphEngine) context.getBean(definition));
                }
            }
        }
        return new EngineChoice(engines, defaultName);
    }

    @Singleton
    @Bean(preDestroy = "closeAll")
    InstanceRegistry instanceRegistry(InstanceRepository instances) {
        return new InstanceRegistry(instances, CLOCK);
    }

    /** The instances' dependants port, for snapshot and dataset delete and the mapping tree. */
    @Singleton
    @Bean(typed = {SnapshotDependants.class, DatasetDependants.class})
    InstanceDependants instanceDependants(InstanceRepository instances) {
        return new InstanceDependants(instances);
    }

    @Singleton
    InstanceSources instanceSources(SnapshotUseCases snapshots, SnapshotRepository repository, SnapshotDirectories directories) {
        return new SnapshotInstanceSources(snapshots, repository, directories);
    }

    /** Ready snapshots as datasets, until a fuller catalog (a bean of its own) replaces this one. */
    @Singleton
    @Secondary
    DatasetCatalog readySnapshotDatasets(SnapshotRepository snapshots, InstanceSources sources) {
        return new ReadySnapshotDatasets(snapshots, sources);
    }

    @Singleton
    @Named("instance-load")
    @Bean(preDestroy = "close")
    ExecutorLoadJobs instanceLoadJobs(@Value("${grapholap.instances.load-workers:2}") int workers) {
        return new ExecutorLoadJobs(workers);
    }

    @Singleton
    InstanceUseCases instanceUseCases(InstanceRepository instances, InstanceRegistry registry, InstanceSources sources,
                                      DatasetCatalog datasets, EngineChoice engines, PlatformConfig config,
                                      InstanceSettings settings, @Named("instance-load") ExecutorLoadJobs jobs) {
        return new InstanceUseCases(instances, registry, sources, datasets, engines, config, settings, jobs, CLOCK);
    }

    @Singleton
    @Named(InstanceLifecycleJob.NAME)
    BackgroundJob instanceLifecycleJob(InstanceRepository instances, InstanceRegistry registry, InstanceUseCases useCases,
                                       @Value("${grapholap.instances.lifecycle-interval:PT1M}") String interval) {
        return new InstanceLifecycleJob(instances, registry, useCases, duration("grapholap.instances.lifecycle-interval", interval), CLOCK);
    }

    @Singleton
    ReconcileInstances reconcileInstances(InstanceRepository instances, InstanceUseCases useCases) {
        return new ReconcileInstances(instances, useCases, CLOCK);
    }

    @Singleton
    InstanceCensus instanceCensus(InstanceRepository instances) {
        return new InstanceCensusView(instances);
    }

    @Singleton
    @Named("instance")
    BulkDeletable instanceBulkDelete(InstanceRepository instances, InstanceUseCases useCases) {
        return new InstanceBulkDelete(instances, useCases);
    }

    static Duration duration(String setting, String text) {
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(setting + " must be positive, got " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(setting + " must be an ISO-8601 duration such as PT1M, got '" + text + "'", e);
        }
    }

    /** A fixed number of load threads; queued loads wait with their instance starting. */
    static final class ExecutorLoadJobs implements LoadJobs, AutoCloseable {
        private final ExecutorService executor;

        ExecutorLoadJobs(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("grapholap.instances.load-workers must be at least 1, got " + workers);
            }
            AtomicInteger n = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "instance-load-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public void submit(long instanceId, Runnable load) {
            executor.execute(load);
        }

        /** Stops taking loads; loads under way are abandoned and reloaded on the next start. */
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
