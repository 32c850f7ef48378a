package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Settings under {@code grapholap.node}: {@code id}, this server node's name among the nodes that
 * share a metadata database (recorded on the export claims it takes). Unset, it is the host name and
 * process id ({@code host-4711}), unique per running process; at most 255 characters of letters,
 * digits, {@code .}, {@code _}, {@code :} and {@code -}.
 */
@Context
@ConfigurationProperties("grapholap.node")
public record NodeProperties(@Nullable String id) {

    public NodeProperties {
        if (id == null || id.isBlank()) {
            id = hostName() + "-" + ProcessHandle.current().pid();
        } else if (!id.matches("[A-Za-z0-9._:-]{1,255}")) {
            throw new ConfigurationException("grapholap.node.id must be 1 to 255 letters, digits,"
                    + " '.', '_', ':' or '-', got '" + id + "'");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._:-]", "_");
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
