package io.grapholap.persistence.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated metadata databases for repository contract tests: a private in-memory H2 (in
 * PostgreSQL mode, as the server runs it), or a private schema on the local PostgreSQL named by
 * {@code GRAPHOLAP_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}).
 */
public enum MetadataDatabases {
    H2, POSTGRES;

    /** A migrated database and how to drop it. */
    public record Fresh(DataSource dataSource, Runnable drop) {
    }

    public Fresh create() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (this) {
            case H2 -> {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
                ds.setUser("sa");
                migrate(ds);
                yield new Fresh(ds, () -> execute(ds, "SHUTDOWN"));
            }
            case POSTGRES -> {
                String url = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_PASSWORD", "");
                try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("PostgreSQL contract tests need the server at " + url
                            + " (start it with .ci/ensure-postgres or set GRAPHOLAP_TEST_PG_URL): " + e.getMessage(), e);
                }
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
                ds.setUser(user);
                ds.setPassword(password);
                migrate(ds);
                yield new Fresh(ds, () -> execute(ds, "DROP SCHEMA IF EXISTS " + name + " CASCADE"));
            }
        };
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
