package io.grapholap.persistence.security;

import io.grapholap.application.security.CredentialChanges;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Credential changes as PostgreSQL notifications on the channel {@value #CHANNEL}: published with
 * {@code pg_notify} on a pooled connection (outside any transaction, so at once), heard with
 * {@code LISTEN} on a connection of the subscription's own, opened from the metadata database
 * settings and read with PgJDBC's {@link PGConnection#getNotifications(int)}. On H2 nothing is sent
 * or heard: an embedded database has one node.
 */
@Singleton
final class PgCredentialChanges implements CredentialChanges {

    static final String CHANNEL = "grapholap_credentials";

    private final ConnectionOperations<Connection> connections;
    private final String url;
    private final String user;
    private final String password;

    PgCredentialChanges(ConnectionOperations<Connection> connections, @Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username:}") String user,
                        @Value("${datasources.default.password:}") String password) {
        this.connections = connections;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void publish(String change) {
        if (!postgres()) {
            return;
        }
        connections.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, CHANNEL);
                s.setString(2, change);
                s.execute();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("could not publish the credential change " + change + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Optional<Subscription> subscribe() {
        if (!postgres()) {
            return Optional.empty();
        }
        try {
            Connection c = DriverManager.getConnection(url, user, password);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return Optional.of(new Listening(c));
        } catch (SQLException e) {
            throw new IllegalStateException("could not listen for credential changes: " + e.getMessage(), e);
        }
    }

    private static final class Listening implements Subscription {
        private final Connection connection;
        private final PGConnection pg;

        Listening(Connection connection) throws SQLException {
            this.connection = connection;
            this.pg = connection.unwrap(PGConnection.class);
        }

        @Override
        public List<String> next(Duration wait) {
            try {
                PGNotification[] arrived = pg.getNotifications((int) Math.max(1, wait.toMillis()));
                List<String> changes = new ArrayList<>();
                if (arrived != null) {
                    for (PGNotification n : arrived) {
                        changes.add(n.getParameter());
                    }
                }
                return changes;
            } catch (SQLException e) {
                throw new IllegalStateException("the credential change connection was lost: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a lost connection: nothing left to release.
            }
        }
    }
}
