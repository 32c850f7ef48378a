package io.grapholap.server.config;

import io.grapholap.application.cluster.ClusterNode;
import io.grapholap.application.cluster.ClusterNodes;
import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.server.settings.InstancesProperties;
import io.grapholap.server.settings.NodeProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the node registry ({@link NodeProperties}): the node registers once the server listens
 * (its URL, cores, instance memory budget and engines), renews its heartbeat on the {@code cluster}
 * thread and deregisters when it stops cleanly.
 */
@Factory
final class ClusterFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    NodeRegistry nodeRegistry(ClusterNodes nodes, NodeProperties node) {
        return new NodeRegistry(nodes, node.id(), node.deadAfter(), CLOCK);
    }

    /**
     * The client that proxies data-plane calls to the node holding their instance: a bounded
     * connection pool per node ({@code grapholap.node.proxy-connections} open, as many waiting) and the read timeout
     * {@code grapholap.node.proxy-timeout}; closed with the server.
     */
    @Singleton
    @Named("node-proxy")
    @Bean(typed = HttpClient.class, preDestroy = "close")
    HttpClient nodeProxyConnections(NodeProperties node) {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setConnectTimeout(Duration.ofSeconds(5));
        config.setReadTimeout(node.proxyTimeout());
        config.setReadIdleTimeout(node.proxyTimeout());
        config.setFollowRedirects(false);
        config.getConnectionPoolConfiguration().setEnabled(true);
        config.getConnectionPoolConfiguration().setMaxConcurrentHttp1Connections(node.proxyConnections());
        config.getConnectionPoolConfiguration().setMaxPendingAcquires(node.proxyConnections());
        return HttpClient.create(null, config);
    }

    /** The proxying side of the {@code node-proxy} client (Micronaut's client is both). */
    @Singleton
    @Named("node-proxy")
    ProxyHttpClient nodeProxy(@Named("node-proxy") HttpClient connections) {
        if (connections instanceof ProxyHttpClient proxy) {
            return proxy;
        }
        throw new ConfigurationException("the HTTP client on the class path cannot proxy requests: " + connections.getClass());
    }

    @Singleton
    static final class Registration implements ApplicationEventListener<ServerStartupEvent> {
        private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

        private final NodeRegistry registry;
        private final NodeProperties node;
        private final InstancesProperties instances;
        private final List<GraphEngine> engines;
        private final ScheduledExecutorService thread;

        Registration(NodeRegistry registry, NodeProperties node, InstancesProperties instances, List<GraphEngine> engines,
                     @Named("cluster") ScheduledExecutorService thread) {
            this.registry = registry;
            this.node = node;
            this.instances = instances;
            this.engines = engines;
            this.thread = thread;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            var server = event.getSource();
            var now = CLOCK.instant();
            registry.register(new ClusterNode(node.id(), node.urlFor(server.getScheme(), server.getPort()),
                    Runtime.getRuntime().availableProcessors(), instances.memoryBudgetBytes(),
                    engines.stream().map(e -> e.info().name()).sorted().toList(), now, now));
            long every = node.heartbeatInterval().toMillis();
            thread.scheduleWithFixedDelay(() -> {
                try {
                    registry.heartbeat();
                } catch (RuntimeException e) {
                    LOG.warn("Node heartbeat failed: {}", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** A clean stop removes the node from the registry (a killed node shows as dead instead). */
    @Singleton
    static final class Deregistration implements ApplicationEventListener<ShutdownEvent> {
        private static final Logger LOG = LoggerFactory.getLogger(Deregistration.class);

        private final NodeRegistry registry;

        Deregistration(NodeRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            try {
                registry.deregister();
            } catch (RuntimeException e) {
                LOG.warn("Node deregistration failed: {}", e.toString());
            }
        }
    }
}
