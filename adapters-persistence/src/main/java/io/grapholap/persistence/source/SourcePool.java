package io.grapholap.persistence.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the relational source that mapping SQL runs against. Every connection it
 * hands out is read-only; user SQL gets {@link #statementTimeoutSeconds()}. It is deliberately not
 * a {@code DataSource} bean, so nothing meant for the metadata database picks it up by accident.
 *
 * <p>With the demo source enabled, the pool is built on a thread of its own while the rest of the
 * application context starts, and the context's start-up waits for it, so a started server is a
 * ready one: an empty demo database is filled first, and user SQL then runs as a database
 * user that may only read the demo tables (H2's file and CSV functions need admin rights, so
 * mapping SQL cannot reach the server's files). Its password is new on every start. A production
 * source should likewise be given an account that can only read.
 */
@Context
public final class SourcePool implements AutoCloseable, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePool.class);
    static final String DEMO_READER = "grapholap_reader";

    private final int statementTimeoutSeconds;
    private final CompletableFuture<HikariDataSource> pool;

    SourcePool(@Value("${grapholap.source.url}") String url,
               @Value("${grapholap.source.username:sa}") String username,
               @Value("${grapholap.source.password:}") String password,
               @Value("${grapholap.source.demo:false}") boolean demo,
               @Value("${grapholap.source.statement-timeout:PT30S}") String statementTimeout,
               @Value("${grapholap.source.maximum-pool-size:8}") int maximumPoolSize) {
        this.statementTimeoutSeconds = timeoutSeconds(statementTimeout);
        if (demo && url.startsWith("jdbc:h2:")) {
            this.pool = CompletableFuture.supplyAsync(() -> {
                String readerPassword = prepareDemo(url, username, password);
                return open(url, DEMO_READER, readerPassword, maximumPoolSize);
            }, runnable -> {
                Thread t = new Thread(runnable, "grapholap-demo-source");
                t.setDaemon(true);
                t.start();
            });
        } else {
            if (demo) {
                LOG.warn("grapholap.source.demo is on but the source is not H2 ({}); no demo data is created", url);
            }
            this.pool = CompletableFuture.completedFuture(open(url, username, password, maximumPoolSize));
        }
    }

    private static HikariDataSource open(String url, String username, String password, int maximumPoolSize) {
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
        return new HikariDataSource(config);
    }

    private static int timeoutSeconds(String text) {
        try {
            return (int) Math.max(1, Duration.parse(text.trim()).toSeconds());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("grapholap.source.statement-timeout must be an ISO-8601 duration such as PT30S, got '"
                    + text + "'", e);
        }
    }

    /** Fills an empty demo database and (re)creates its read-only user; returns that user's password. */
    private static String prepareDemo(String url, String username, String password) {
        long started = System.nanoTime();
        String readerPassword = HexFormat.of().formatHex(random());
        try (Connection c = DriverManager.getConnection(url, username, password)) {
            int rows = DemoSourceData.seedIfEmpty(c);
            if (rows > 0) {
                LOG.info("Demo source filled with {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE USER IF NOT EXISTS " + DEMO_READER + " PASSWORD '" + readerPassword + "'");
                s.execute("ALTER USER " + DEMO_READER + " SET PASSWORD '" + readerPassword + "'");
                s.execute("GRANT SELECT ON SCHEMA public TO " + DEMO_READER);
            }
            return readerPassword;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo source database at " + url + ": " + e.getMessage(), e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Start-up ends once the source is usable; a demo source that cannot be made fails it. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            pool.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A read-only connection; waits for the demo data when it is still being created. */
    public Connection connection() throws SQLException {
        try {
            return pool.join().getConnection();
        } catch (CompletionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether the source can be used now without waiting for demo data. */
    public boolean filling() {
        return !pool.isDone();
    }

    public int statementTimeoutSeconds() {
        return statementTimeoutSeconds;
    }

    @Override
    @PreDestroy
    public void close() {
        pool.thenAccept(HikariDataSource::close);
    }
}
