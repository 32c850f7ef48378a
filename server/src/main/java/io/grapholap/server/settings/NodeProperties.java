package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Settings under {@code grapholap.node}, for the server nodes that share a metadata database:
 * {@code id}, this node's name (recorded on its export claims and in the node registry; unset, the
 * host name and process id, {@code host-4711}; at most 255 letters, digits, {@code .}, {@code _},
 * {@code :} and {@code -}); {@code url}, the base URL other nodes and clients reach this node at
 * (unset, {@code http://<host name>:<port>}); {@code heartbeat-interval} (PT5S), how often the node
 * renews its registration; {@code dead-after} (PT30S, at least 3 heartbeat intervals), how old a
 * node's heartbeat may get before it shows as dead; {@code proxy-timeout} (PT15M, 1 s to 24 h), the
 * longest a data-plane call proxied to the node holding its instance may take (above the longest
 * query or algorithm timeout allowed); {@code proxy-connections} (64, 1 to 10000), the connections
 * the proxy keeps open to the other nodes.
 */
@Context
@ConfigurationProperties("grapholap.node")
public record NodeProperties(@Nullable String id,
                             @Nullable String url,
                             @Bindable(defaultValue = "PT5S") Duration heartbeatInterval,
                             @Bindable(defaultValue = "PT30S") Duration deadAfter,
                             @Bindable(defaultValue = "PT15M") Duration proxyTimeout,
                             @Bindable(defaultValue = "64") int proxyConnections) {

    public NodeProperties {
        if (id == null || id.isBlank()) {
            String host = hostName();
            id = host.substring(0, Math.min(host.length(), 200)) + "-" + ProcessHandle.current().pid();
        } else if (!id.matches("[A-Za-z0-9._:-]{1,255}")) {
            throw new ConfigurationException("grapholap.node.id must be 1 to 255 letters, digits, '.', '_', ':' or '-', got '"
                    + id + "'");
        }
        if (url != null && !url.isBlank()) {
            URI parsed;
            try {
                parsed = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("grapholap.node.url must be an http(s) URL such as http://node1:8080, got '" + url + "'");
            }
            if (parsed.getHost() == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))) {
                throw new ConfigurationException("grapholap.node.url must be an http(s) URL such as http://node1:8080, got '" + url + "'");
            }
            url = url.strip().replaceAll("/+$", "");
        } else {
            url = null;
        }
        Check.positive("grapholap.node.heartbeat-interval", heartbeatInterval);
        if (deadAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new ConfigurationException("grapholap.node.dead-after must be at least 3 times grapholap.node.heartbeat-interval ("
                    + heartbeatInterval + "), got " + deadAfter);
        }
        if (proxyTimeout.compareTo(Duration.ofSeconds(1)) < 0 || proxyTimeout.compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigurationException("grapholap.node.proxy-timeout must be between PT1S and PT24H, got " + proxyTimeout);
        }
        if (proxyConnections < 1 || proxyConnections > 10_000) {
            throw new ConfigurationException("grapholap.node.proxy-connections must be between 1 and 10000, got " + proxyConnections);
        }
    }

    /** This node's URL: the one set, or {@code scheme://<host name>:port} of the server's own address. */
    public String urlFor(String scheme, int port) {
        return url != null ? url : scheme + "://" + hostName() + ":" + port;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._:-]", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
