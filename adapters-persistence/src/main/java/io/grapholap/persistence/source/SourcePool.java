package io.grapholap.persistence.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the relational source that mapping SQL runs against. Every connection it
 * hands out is read-only; user SQL gets {@link #statementTimeoutSeconds()}. It is deliberately not
 * a {@code DataSource} bean, so nothing meant for the metadata database picks it up by accident.
 * Built at start-up: with the demo source enabled, an empty demo database is filled on a thread
 * of its own while the rest of the server starts; connections are handed out once it is done.
 */
@Context
public final class SourcePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePool.class);

    private final HikariDataSource pool;
    private final int statementTimeoutSeconds;
    private final CompletableFuture<Void> demoData;

    SourcePool(@Value("${grapholap.source.url}") String url,
               @Value("${grapholap.source.username:sa}") String username,
               @Value("${grapholap.source.password:}") String password,
               @Value("${grapholap.source.demo:false}") boolean demo,
               @Value("${grapholap.source.statement-timeout:PT30S}") String statementTimeout,
               @Value("${grapholap.source.maximum-pool-size:8}") int maximumPoolSize) {
        this.statementTimeoutSeconds = timeoutSeconds(statementTimeout);
        this.demoData = demo
                ? CompletableFuture.runAsync(() -> seedDemo(url, username, password), runnable -> {
                    Thread t = new Thread(runnable, "grapholap-demo-source");
                    t.setDaemon(true);
                    t.start();
                })
                : CompletableFuture.completedFuture(null);
        HikariConfig config = new HikariConfig();
        config.setPoolName("grapholap-source");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    private static int timeoutSeconds(String text) {
        try {
            return (int) Math.max(1, Duration.parse(text.trim()).toSeconds());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("grapholap.source.statement-timeout must be an ISO-8601 duration such as PT30S, got '"
                    + text + "'", e);
        }
    }

    private static void seedDemo(String url, String username, String password) {
        if (!url.startsWith("jdbc:h2:")) {
            LOG.warn("grapholap.source.demo is on but the source is not H2 ({}); no demo data is created", url);
            return;
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            int rows = DemoSourceData.seedIfEmpty(c);
            if (rows > 0) {
                LOG.info("Demo source filled with {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo source database at " + url + ": " + e.getMessage(), e);
        }
    }

    /** A read-only connection; waits for the demo data when it is still being created. */
    public Connection connection() throws SQLException {
        try {
            demoData.join();
        } catch (CompletionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        }
        return pool.getConnection();
    }

    /** Whether the source can be used now without waiting for demo data. */
    public boolean filling() {
        return !demoData.isDone();
    }

    public int statementTimeoutSeconds() {
        return statementTimeoutSeconds;
    }

    @Override
    @PreDestroy
    public void close() {
        pool.close();
    }
}
