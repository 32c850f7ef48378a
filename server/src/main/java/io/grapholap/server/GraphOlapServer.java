package io.grapholap.server;

import io.grapholap.application.instance.EngineChoice;
import io.grapholap.rest.home.FirstContact;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable server. Settings come from {@code GRAPHOLAP_*} environment variables (see
 * {@link ServerSettings}) and system properties; everything else has an embedded default. A server
 * that cannot start (a bad setting, a database it cannot reach) says why and exits with status 1.
 */
public final class GraphOlapServer {

    private static final Logger LOG = LoggerFactory.getLogger(GraphOlapServer.class);

    private GraphOlapServer() {
    }

    public static void main(String[] args) {
        EmbeddedServer server;
        try {
            server = start(System.getenv(), Map.of());
        } catch (RuntimeException e) {
            LOG.error("GraphOLAP did not start: {}", rootMessage(e), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "grapholap-shutdown"));
    }

    /**
     * Starts a server from the given environment, with {@code overrides} applied last (tests use
     * them to pick ports and databases). Logs the time from start to ready, then the next steps
     * for a new user (start page, API browser, docs, how to log in as admin).
     */
    public static EmbeddedServer start(Map<String, String> environment, Map<String, Object> overrides) {
        long started = System.nanoTime();
        ServerSettings settings = ServerSettings.fromEnvironment(environment);
        Map<String, Object> properties = new HashMap<>(settings.toProperties());
        properties.putAll(ServerSettings.storeProperties(environment));
        properties.putAll(overrides);
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .banner(false)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        EngineChoice engines = context.getBean(EngineChoice.class);
        LOG.info("GraphOLAP ready at {} in {} ms (data directory {}, engines {}, default {})",
                server.getURL(), millis, settings.dataDir(), engines.names(), engines.defaultName());
        LOG.info(String.join(System.lineSeparator(), context.getBean(FirstContact.class).nextSteps(server.getURI())));
        return server;
    }

    /** The innermost message of a start-up failure: the one that names the setting or resource at fault. */
    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
