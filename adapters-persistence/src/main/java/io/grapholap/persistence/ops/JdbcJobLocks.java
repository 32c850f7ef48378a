package io.grapholap.persistence.ops;

import io.grapholap.application.ops.JobLocks;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Job locks as PostgreSQL session-level advisory locks ({@code pg_try_advisory_lock}) on a
 * connection of the run's own, opened from the metadata database settings and held from start to
 * end: a node that dies loses its session and with it the lock. The connection is not the pool's and
 * is not bound to the run, so the run's own database work (and work it hands to other threads, which
 * would inherit a bound connection that closes when the run ends) uses pooled connections as usual.
 * The key is a fixed class id for GraphOLAP jobs and the hash of the metadata schema and the job name
 * (deployments in different schemas of one database do not block each other). On H2 (embedded, one
 * process) every run goes ahead.
 */
@Singleton
final class JdbcJobLocks implements JobLocks {

    /** "GRAP": the advisory-lock class id of GraphOLAP's background jobs. */
    private static final int CLASS_ID = 0x47524150;

    private final String url;
    private final String user;
    private final String password;

    JdbcJobLocks(@Value("${datasources.default.url}") String url,
                 @Value("${datasources.default.username:}") String user,
                 @Value("${datasources.default.password:}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public boolean tryRun(String job, Runnable run) {
        if (!url.startsWith("jdbc:postgresql:")) {
            run.run();
            return true;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (!lock(c, "pg_try_advisory_lock", job)) {
                return false;
            }
            try {
                run.run();
            } finally {
                lock(c, "pg_advisory_unlock", job);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock of job " + job + ": " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection c, String function, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?, hashtext(current_schema() || ':' || ?))")) {
            s.setInt(1, CLASS_ID);
            s.setString(2, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
