package io.grapholap.persistence.source;

import io.grapholap.application.health.ReadinessProbe;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the source database hands out a valid connection within two seconds. */
@Singleton
final class SourceDatabaseProbe implements ReadinessProbe {

    private final SourcePool pool;

    SourceDatabaseProbe(SourcePool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "source_database";
    }

    @Override
    public ProbeResult check() {
        if (pool.filling()) {
            return ProbeResult.down("the demo data is still being created");
        }
        try (Connection c = pool.connection()) {
            if (c.isValid(2)) {
                return ProbeResult.up(c.getMetaData().getDatabaseProductName());
            }
            return ProbeResult.down("connection is not valid");
        } catch (SQLException e) {
            return ProbeResult.down(e.getMessage());
        }
    }
}
