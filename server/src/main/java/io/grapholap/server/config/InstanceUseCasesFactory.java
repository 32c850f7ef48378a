package io.grapholap.server.config;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetDependants;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.instance.InstanceBulkDelete;
import io.grapholap.application.instance.InstanceCensusView;
import io.grapholap.application.instance.InstanceDependants;
import io.grapholap.application.instance.InstanceLifecycleJob;
import io.grapholap.application.instance.InstancePlacement;
import io.grapholap.application.instance.InstanceRegistry;
import io.grapholap.application.instance.InstanceRepository;
import io.grapholap.application.instance.InstanceSettings;
import io.grapholap.application.instance.InstanceSources;
import io.grapholap.application.instance.InstanceUseCases;
import io.grapholap.application.instance.LoadJobs;
import io.grapholap.application.instance.ReadySnapshotDatasets;
import io.grapholap.application.instance.ReconcileInstances;
import io.grapholap.application.instance.ReconciliationJob;
import io.grapholap.application.instance.SnapshotInstanceSources;
import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.server.settings.InstancesProperties;
import io.grapholap.server.settings.JobsProperties;
import io.grapholap.server.settings.NodeProperties;
import io.grapholap.server.settings.ServerProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/**
 * Wires the instance use cases; settings in {@link InstancesProperties}. Engines: every
 * {@link GraphEngine} bean of the engine modules on the class path, by its own name; the default is
 * the one {@code grapholap.engine} names, and naming none of them stops start-up.
 */
@Factory
final class InstanceUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    InstanceSettings instanceSettings(InstancesProperties properties) {
        return InstanceSettings.of(properties.memoryBudgetBytes(), Runtime.getRuntime().availableProcessors());
    }

    /** Built at start-up, so that a default engine this server does not have stops it. */
    @Context
    EngineChoice engineChoice(List<GraphEngine> present, ServerProperties server) {
        Map<String, GraphEngine> byName = new TreeMap<>();
        for (GraphEngine engine : present) {
            if (byName.putIfAbsent(engine.info().name(), engine) != null) {
                throw new ConfigurationException("two engines on the class path are named " + engine.info().name());
            }
        }
        String defaultName = server.engine().trim().toLowerCase(Locale.ROOT);
        if (!byName.containsKey(defaultName)) {
            throw new ConfigurationException("grapholap.engine names '" + server.engine() + "', but this server's engines are "
                    + byName.keySet());
        }
        return new EngineChoice(byName, defaultName);
    }

    @Singleton
    @Bean(preDestroy = "closeAll")
    InstanceRegistry instanceRegistry(InstanceRepository instances, InstancePlacement placement) {
        return new InstanceRegistry(instances, CLOCK, placement);
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
    @Bean(preDestroy = "close")
    ExecutorLoadJobs instanceLoadJobs(@Named("instance-load") ExecutorService loads) {
        return new ExecutorLoadJobs(loads);
    }

    /**
     * Where new instances go: this node alone on embedded H2 (one process's file); on a shared
     * database, the live nodes of the registry with room for them.
     */
    @Singleton
    InstancePlacement instancePlacement(NodeRegistry nodes, NodeProperties node, InstanceSettings settings, EngineChoice engines,
                                        @Value("${datasources.default.url}") String metadataUrl) {
        return metadataUrl.startsWith("jdbc:h2:")
                ? InstancePlacement.alone(node.id(), settings.memoryBudgetBytes(), engines.names())
                : InstancePlacement.shared(nodes, node.id(), settings.memoryBudgetBytes(), engines.names());
    }

    @Singleton
    InstanceUseCases instanceUseCases(InstanceRepository instances, InstanceRegistry registry, InstanceSources sources,
                                      DatasetCatalog datasets, EngineChoice engines, PlatformConfig config,
                                      InstanceSettings settings, ExecutorLoadJobs jobs, InstancePlacement placement) {
        return new InstanceUseCases(instances, registry, sources, datasets, engines, config, settings, jobs, placement, CLOCK);
    }

    @Singleton
    @Named(InstanceLifecycleJob.NAME)
    BackgroundJob instanceLifecycleJob(InstanceRepository instances, InstanceRegistry registry, InstanceUseCases useCases,
                                       InstancesProperties properties) {
        return new InstanceLifecycleJob(instances, registry, useCases, properties.lifecycleInterval(), CLOCK);
    }

    @Singleton
    @Named(ReconciliationJob.NAME)
    BackgroundJob reconciliationJob(InstanceRepository instances, InstanceRegistry registry, InstanceUseCases useCases,
                                    SnapshotRepository snapshots, SnapshotDirectories directories, JobsProperties jobs) {
        return new ReconciliationJob(instances, registry, useCases, snapshots, directories, jobs.reconciliationInterval(),
                jobs.reconciliationGrace(), CLOCK);
    }

    @Singleton
    ReconcileInstances reconcileInstances(InstanceRepository instances, InstanceUseCases useCases) {
        return new ReconcileInstances(instances, useCases, CLOCK);
    }

    @Singleton
    InstanceCensus instanceCensus(InstanceRepository instances, InstanceRegistry registry, InstancePlacement placement) {
        return new InstanceCensusView(instances, registry, placement);
    }

    @Singleton
    @Named("instance")
    BulkDeletable instanceBulkDelete(InstanceRepository instances, InstanceUseCases useCases) {
        return new InstanceBulkDelete(instances, useCases);
    }

    /** Loads on the {@code instance-load} threads; queued loads wait with their instance starting. */
    static final class ExecutorLoadJobs implements LoadJobs, AutoCloseable {
        private final ExecutorService executor;

        ExecutorLoadJobs(ExecutorService executor) {
            this.executor = executor;
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
