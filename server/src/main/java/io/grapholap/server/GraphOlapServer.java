package io.grapholap.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable server. Settings come from {@code GRAPHOLAP_*} environment variables (see
 * {@link ServerSettings}); everything else has an embedded default.
 */
public final class GraphOlapServer {

    private static final Logger LOG = LoggerFactory.getLogger(GraphOlapServer.class);

    private GraphOlapServer() {
    }

    public static void main(String[] args) {
        EmbeddedServer server = start(System.getenv(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "grapholap-shutdown"));
    }

    /**
     * Starts a server from the given environment, with {@code overrides} applied last (tests use
     * them to pick ports and databases). Logs the time from start to ready.
     */
    public static EmbeddedServer start(Map<String, String> environment, Map<String, Object> overrides) {
        long started = System.nanoTime();
        ServerSettings settings = ServerSettings.fromEnvironment(environment);
        Map<String, Object> properties = new java.util.HashMap<>(settings.toProperties());
        properties.putAll(overrides);
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .banner(false)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("GraphOLAP ready at {} in {} ms (data directory {}, engine {})",
                server.getURL(), millis, settings.dataDir(), settings.engine());
        return server;
    }
}
