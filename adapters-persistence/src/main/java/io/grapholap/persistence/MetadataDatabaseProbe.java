package io.grapholap.persistence;

import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ready when the metadata database answers a trivial query within two seconds. */
@Singleton
final class MetadataDatabaseProbe implements ReadinessProbe {

    private final DataSource dataSource;

    MetadataDatabaseProbe(DataSource dataSource) {
        // The injected data source only works inside a connection scope; probes use the pool directly.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public String name() {
        return "metadata_database";
    }

    @Override
    public ProbeResult check() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                return ProbeResult.up(c.getMetaData().getDatabaseProductName());
            }
            return ProbeResult.down("connection is not valid");
        } catch (SQLException e) {
            return ProbeResult.down(e.getMessage());
        }
    }
}
