package io.grapholap.persistence.audit;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.Page;
import io.grapholap.domain.audit.AuditEntry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the {@code audit_log} table. Recording only queues the entry; one background
 * thread writes queued entries in batches. A search first writes whatever is queued, so it sees
 * every entry recorded before it. When the queue is full the caller writes its entry itself rather
 * than lose it.
 */
@Singleton
final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Object writeLock = new Object();
    private final Thread writer;
    /** Entries recorded and not yet written (or given up on). */
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running = true;

    JdbcAuditLog(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.writer = Thread.ofPlatform().daemon().name("audit-log-writer").start(this::writeLoop);
    }

    @Override
    public void record(AuditEntry entry) {
        pending.incrementAndGet();
        if (!queue.offer(entry)) {
            synchronized (writeLock) {
                write(List.of(entry));
            }
        }
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query) {
        flush();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.action() != null) {
            where.append(" AND action LIKE ? ESCAPE '!'");
            args.add(query.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (query.since() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC));
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, actor, action, method, path, target_type, target_id, status"
                    + " FROM audit_log" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, query.page().limit());
                ps.setInt(args.size() + 2, query.page().offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                rs.getString("actor"), rs.getString("action"), rs.getString("method"), rs.getString("path"),
                                rs.getString("target_type"), rs.getString("target_id"), rs.getInt("status")));
                    }
                }
            }
            return new Page<>(entries, total, query.page().offset(), query.page().limit());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /** Writes everything queued so far and waits (briefly) for a batch the writer thread holds. */
    void flush() {
        synchronized (writeLock) {
            List<AuditEntry> batch = new ArrayList<>();
            queue.drainTo(batch);
            write(batch);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @PreDestroy
    void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void writeLoop() {
        while (running) {
            try {
                AuditEntry first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (writeLock) {
                    List<AuditEntry> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("audit log writer: {}", e.getMessage(), e);
            }
        }
    }

    private void write(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log"
                     + " (occurred_at, actor, action, method, path, target_type, target_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : batch) {
                ps.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                ps.setString(2, truncate(e.actor(), 64));
                ps.setString(3, truncate(e.action(), 300));
                ps.setString(4, e.method());
                ps.setString(5, truncate(e.path(), 2000));
                ps.setString(6, truncate(e.targetType(), 100));
                ps.setString(7, truncate(e.targetId(), 300));
                ps.setInt(8, e.status());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            LOG.error("could not write {} audit entries: {}", batch.size(), e.getMessage());
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
