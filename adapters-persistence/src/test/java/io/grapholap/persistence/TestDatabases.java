package io.grapholap.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Fresh, migrated metadata databases for repository contract tests: an in-memory H2 in
 * PostgreSQL mode, or a schema of its own on the local PostgreSQL server
 * ({@code GRAPHOLAP_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A migrated database and how to drop it. */
    public record Migrated(HikariDataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
            drop.run();
        }
    }

    public static Migrated h2() {
        String url = "jdbc:h2:mem:contract-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return migrate(url, "sa", "", () -> { });
    }

    public static Migrated postgres() {
        String url = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_PASSWORD", "");
        String schema = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        System.out.println("[contract] PostgreSQL: local server " + url + " schema " + schema);
        String separator = url.contains("?") ? "&" : "?";
        return migrate(url + separator + "currentSchema=" + schema, user, password,
                () -> execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private static Migrated migrate(String url, String user, String password, Runnable drop) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(4);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new Migrated(ds, drop);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL contract tests need the local server at " + url + ": " + e.getMessage(), e);
        }
    }
}
