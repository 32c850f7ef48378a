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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the relational source that mapping SQL runs against. Every connection it
 * hands out is read-only; user SQL gets {@link #statementTimeoutSeconds()}. It is deliberately not
 * a {@code DataSource} bean, so nothing meant for the metadata database picks it up by accident.
 * Built at start-up: with the demo source enabled, an empty demo database is filled first.
 */
@Context
public final class SourcePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePool.class);

    private final HikariDataSource pool;
    private final int statementTimeoutSeconds;

    SourcePool(@Value("${grapholap.source.url}") String url,
               @Value("${grapholap.source.username:sa}") String username,
               @Value("${grapholap.source.password:}") String password,
               @Value("${grapholap.source.demo:false}") boolean demo,
               @Value("${grapholap.source.statement-timeout:PT30S}") String statementTimeout,
               @Value("${grapholap.source.maximum-pool-size:8}") int maximumPoolSize) {
        this.statementTimeoutSeconds = (int) Math.max(1, Duration.parse(statementTimeout).toSeconds());
        if (demo) {
            seedDemo(url, username, password);
        }
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

    public Connection connection() throws SQLException {
        return pool.getConnection();
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
