package io.grapholap.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A source database for a test: a schema of its own in the same PostgreSQL the metadata tests use
 * (see {@link MetadataDatabase}), filled by the test's SQL, handed to a server as the
 * {@code GRAPHOLAP_SOURCE_*} environment (connections land in the schema, so mapping SQL names its
 * tables unqualified) and dropped on {@link #close()}.
 */
public final class SourcePostgres implements AutoCloseable {

    private final MetadataDatabase.PostgresServer server;
    private final String schema;
    private final String url;

    private SourcePostgres(MetadataDatabase.PostgresServer server, String schema) {
        this.server = server;
        this.schema = schema;
        String separator = server.url().contains("?") ? "&" : "?";
        this.url = server.url() + separator + "currentSchema=" + schema;
    }

    /** A new, empty schema. */
    public static SourcePostgres create() {
        MetadataDatabase.PostgresServer server = MetadataDatabase.PostgresServer.get();
        SourcePostgres source = new SourcePostgres(server, "src_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        source.execute("CREATE SCHEMA " + source.schema);
        return source;
    }

    /** Runs statements in the schema, in order, in one session. */
    public void execute(String... statements) {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("source PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The server settings that make this schema the source. */
    public Map<String, String> environment() {
        return Map.of(
                "GRAPHOLAP_SOURCE_URL", url,
                "GRAPHOLAP_SOURCE_USER", server.user(),
                "GRAPHOLAP_SOURCE_PASSWORD", server.password());
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
