package io.grapholap.server.settings;

import io.grapholap.gremlin.csr.server.GremlinDriverProtocol;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings under {@code grapholap.gremlin-server}, the Gremlin Server endpoint ({@code /gremlin} on the
 * server's port): {@code enabled} (true; false removes the endpoint), {@code port} (unset: none; 8182 is
 * Gremlin Server's: the endpoint is served on that port as well, and nothing else is), {@code batch-size} (64: results
 * per answer when a request names no {@code batchSize}) and {@code max-requests-per-connection} (128:
 * requests one connection may have waiting or running; 429 past that). Timeouts, the row limit and
 * the running-query limits are the data plane's ({@link DataPlaneProperties}), shared with HTTP queries.
 */
@Context
@ConfigurationProperties("grapholap.gremlin-server")
public record GremlinServerProperties(@Bindable(defaultValue = "true") boolean enabled,
                                      @Nullable Integer port,
                                      @Bindable(defaultValue = "64") int batchSize,
                                      @Bindable(defaultValue = "128") int maxRequestsPerConnection) {

    private static final String P = "grapholap.gremlin-server.";

    public GremlinServerProperties {
        if (port != null) {
            Check.between(P + "port", port, 1, 65_535);
        }
        Check.between(P + "batch-size", batchSize, 1, GremlinDriverProtocol.Settings.MAX_BATCH_SIZE);
        Check.atLeast(P + "max-requests-per-connection", maxRequestsPerConnection, 1);
    }

    public GremlinDriverProtocol.Settings settings() {
        return new GremlinDriverProtocol.Settings(batchSize, maxRequestsPerConnection);
    }
}
