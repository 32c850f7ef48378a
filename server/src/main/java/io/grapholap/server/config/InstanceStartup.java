package io.grapholap.server.config;

import io.grapholap.application.instance.InstanceRegistry;
import io.grapholap.application.instance.InstanceUseCases;
import io.grapholap.application.instance.ReconcileInstances;
import io.grapholap.server.settings.InstancesProperties;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server is up: reloads (or fails) the instances a stopped server left live, then has the
 * {@code instance-poller} thread, every {@code grapholap.instances.poll-interval}, move instances
 * waiting for their snapshot on, load the instances placed on this node through another node, free
 * the graphs whose instance ended elsewhere, and write the recorded activity. When the server begins to stop, the
 * polling stops (before the beans it uses close) and every graph is freed (a restart reloads them).
 */
@Singleton
final class InstanceStartup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceStartup.class);

    private final ReconcileInstances reconcile;
    private final InstanceUseCases useCases;
    private final InstanceRegistry registry;
    private final long pollMillis;
    private final ScheduledExecutorService poller;

    InstanceStartup(ReconcileInstances reconcile, InstanceUseCases useCases, InstanceRegistry registry,
                    InstancesProperties properties, @Named("instance-poller") ScheduledExecutorService poller) {
        this.reconcile = reconcile;
        this.useCases = useCases;
        this.registry = registry;
        this.pollMillis = properties.pollInterval().toMillis();
        this.poller = poller;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        ReconcileInstances.Outcome outcome = reconcile.reconcile();
        if (outcome.reloaded() + outcome.failed() + outcome.terminated() > 0) {
            LOG.info("Live instances after restart: {} reloading, {} failed, {} terminated", outcome.reloaded(),
                    outcome.failed(), outcome.terminated());
        }
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            useCases.advanceWaiting();
            useCases.followPlacements();
            registry.flushActivity();
        } catch (RuntimeException e) {
            LOG.warn("Instance poll failed; trying again in {} ms", pollMillis, e);
        }
    }

    @Singleton
    static final class StopInstances implements ApplicationEventListener<ShutdownEvent> {
        private final InstanceStartup startup;

        StopInstances(InstanceStartup startup) {
            this.startup = startup;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            startup.poller.shutdownNow();
        }
    }
}
