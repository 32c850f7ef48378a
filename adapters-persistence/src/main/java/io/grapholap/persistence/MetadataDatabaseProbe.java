package io.grapholap.persistence;

import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the metadata database hands out a connection that answers within two seconds. */
@Singleton
final class MetadataDatabaseProbe implements ReadinessProbe {

    private final ConnectionOperations<Connection> connections;

    MetadataDatabaseProbe(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "metadata_database";
    }

    @Override
    public ProbeResult check() {
        try {
            return connections.executeRead(status -> {
                Connection c = status.getConnection();
                try {
                    return c.isValid(2) ? ProbeResult.up(c.getMetaData().getDatabaseProductName())
                            : ProbeResult.down("connection is not valid");
                } catch (SQLException e) {
                    return ProbeResult.down(e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            return ProbeResult.down(e.getMessage());
        }
    }
}
