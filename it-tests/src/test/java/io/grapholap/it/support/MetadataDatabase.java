package io.grapholap.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Where an integration test keeps the server's metadata: embedded H2, or PostgreSQL. PostgreSQL is
 * the local server named by {@code GRAPHOLAP_TEST_PG_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code GRAPHOLAP_TEST_PG_USER}, default
 * {@code postgres}); where none answers and Docker runs, a Testcontainers PostgreSQL. Each server
 * gets a schema of its own, dropped when the test class ends.
 */
public enum MetadataDatabase {
    H2, POSTGRES;

    /** The GRAPHOLAP_METADATA_* environment entries for a fresh, empty database. */
    public Provisioned provision() {
        return switch (this) {
            case H2 -> new Provisioned(Map.of(), () -> { });
            case POSTGRES -> PostgresServer.get().freshSchema();
        };
    }

    public record Provisioned(Map<String, String> environment, Runnable cleanup) {
    }

    static final class PostgresServer {
        private static PostgresServer instance;
        private final String url;
        private final String user;
        private final String password;

        private PostgresServer(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        static synchronized PostgresServer get() {
            if (instance == null) {
                instance = locate();
            }
            return instance;
        }

        private static PostgresServer locate() {
            String url = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("GRAPHOLAP_TEST_PG_PASSWORD", "");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                System.out.println("[it-tests] PostgreSQL: local server " + url + " (" + c.getMetaData().getDatabaseProductVersion() + ")");
                return new PostgresServer(url, user, password);
            } catch (SQLException local) {
                if (org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                    var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
                    container.start();
                    System.out.println("[it-tests] PostgreSQL: Testcontainers " + container.getJdbcUrl());
                    return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
                }
                throw new IllegalStateException("PostgreSQL tests need a server: none answers at " + url
                        + " (" + local.getMessage() + ") and Docker is not available for Testcontainers. "
                        + "Start the local server (.ci/ensure-postgres) or set GRAPHOLAP_TEST_PG_URL.", local);
            }
        }

        String url() {
            return url;
        }

        String user() {
            return user;
        }

        String password() {
            return password;
        }

        Provisioned freshSchema() {
            String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE SCHEMA " + schema);
            String separator = url.contains("?") ? "&" : "?";
            return new Provisioned(Map.of(
                    "GRAPHOLAP_METADATA_URL", url + separator + "currentSchema=" + schema,
                    "GRAPHOLAP_METADATA_USER", user,
                    "GRAPHOLAP_METADATA_PASSWORD", password),
                    () -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }

        private void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
            }
        }
    }
}
