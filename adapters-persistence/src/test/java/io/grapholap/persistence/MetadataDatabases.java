package io.grapholap.persistence;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh metadata databases for repository contract tests, each behind an application context of
 * its own that migrates it with Flyway on start, as the server does: a private in-memory H2 in
 * PostgreSQL mode, or a private schema on the local PostgreSQL named by
 * {@code GRAPHOLAP_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code GRAPHOLAP_TEST_PG_USER}, default {@code postgres}).
 */
public enum MetadataDatabases {
    H2, POSTGRES;

    /** A running context over a migrated database; closing it stops the context and drops the database. */
    public record Running(ApplicationContext context, Runnable drop) implements AutoCloseable {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
            drop.run();
        }
    }

    public Running start() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (this) {
            case H2 -> {
                String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
                ApplicationContext context = context(url, "sa", "");
                yield new Running(context, () -> execute(url, "sa", "", "SHUTDOWN"));
            }
            case POSTGRES -> {
                String url = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_PASSWORD", "");
                execute(url, user, password, "CREATE SCHEMA " + name);
                System.out.println("[contract] PostgreSQL: local server " + url + " schema " + name);
                String separator = url.contains("?") ? "&" : "?";
                ApplicationContext context = context(url + separator + "currentSchema=" + name, user, password);
                yield new Running(context, () -> execute(url, user, password, "DROP SCHEMA IF EXISTS " + name + " CASCADE"));
            }
        };
    }

    private static ApplicationContext context(String url, String user, String password) {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password,
                "datasources.default.maximum-pool-size", 4,
                "flyway.datasources.default.enabled", true,
                "flyway.datasources.default.locations", "classpath:db/migration",
                "grapholap.source.url", "jdbc:h2:mem:unused-source-" + UUID.randomUUID() + ";MODE=PostgreSQL",
                "grapholap.source.demo", false));
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("contract tests need the database at " + url
                    + " (for PostgreSQL start it with .ci/ensure-postgres or set GRAPHOLAP_TEST_PG_URL): " + e.getMessage(), e);
        }
    }
}
