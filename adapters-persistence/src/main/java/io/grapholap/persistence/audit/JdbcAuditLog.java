package io.grapholap.persistence.audit;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.AuditQuery;
import io.grapholap.application.common.Page;
import io.grapholap.domain.audit.AuditEntry;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the {@code audit_log} table. Recording only queues the entry; one background
 * thread writes queued entries in batches. A search first writes whatever is queued, so it sees
 * every entry recorded before it. When the queue is full the caller writes its entry itself rather
 * than lose it. Batches go through the {@link AuditRows} repository in one transaction; when the
 * database refuses a batch, its entries are written again one by one, so one bad entry never costs
 * the others theirs. Text the database cannot hold (NUL, unpaired UTF-16 surrogates: PostgreSQL
 * refuses both in text) is stored as a backslash, 'u' and the four hex digits of the character, so
 * a hostile path or name is still recorded. The search, whose filters are all optional, is portable
 * SQL over {@link JdbcOperations} with bound parameters.
 */
@Singleton
final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH = 500;

    private final AuditRows rows;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Object writeLock = new Object();
    private final Thread writer;
    /** Entries recorded and not yet written (or given up on). */
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running = true;

    JdbcAuditLog(AuditRows rows, JdbcOperations jdbc, ConnectionOperations<Connection> connections,
                 TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.connections = connections;
        this.transactions = transactions;
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
        String select = "SELECT * FROM audit_log" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?";
        return connections.executeRead(status -> {
            long total = jdbc.prepareStatement("SELECT COUNT(*) FROM audit_log" + where, ps -> {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            List<AuditEntry> entries = jdbc.prepareStatement(select, ps -> {
                bind(ps, args);
                ps.setInt(args.size() + 1, query.page().limit());
                ps.setInt(args.size() + 2, query.page().offset());
                try (ResultSet rs = ps.executeQuery(); Stream<AuditRow> found = jdbc.entityStream(rs, AuditRow.class)) {
                    return found.map(JdbcAuditLog::entry).toList();
                }
            });
            return new Page<>(entries, total, query.page().offset(), query.page().limit());
        });
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
        try {
            List<AuditRow> toWrite = batch.stream().map(JdbcAuditLog::row).toList();
            try {
                transactions.executeWrite(status -> rows.saveAll(toWrite));
            } catch (RuntimeException batchRefused) {
                LOG.warn("audit batch of {} entries refused ({}); writing them one by one", toWrite.size(), batchRefused.getMessage());
                toWrite.forEach(this::writeOne);
            }
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private void writeOne(AuditRow row) {
        try {
            transactions.executeWrite(status -> rows.save(row));
        } catch (RuntimeException e) {
            LOG.error("could not write the audit entry {} {} by {} at {}: {}", row.action(), row.path(), row.actor(),
                    row.occurredAt(), e.getMessage());
        }
    }

    private static AuditRow row(AuditEntry e) {
        return new AuditRow(null, e.at(), storable(e.actor(), 64), storable(e.action(), 300), storable(e.method(), 10),
                storable(e.path(), 2000), storable(e.targetType(), 100), storable(e.targetId(), 300), e.status());
    }

    private static AuditEntry entry(AuditRow row) {
        return new AuditEntry(row.id(), row.occurredAt(), row.actor(), row.action(), row.method(), row.path(),
                row.targetType(), row.targetId(), row.status());
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /**
     * {@code s} as the database can hold it: NUL and unpaired surrogates escaped (backslash, 'u', four
     * hex digits), then cut to {@code max} characters without splitting a surrogate pair.
     */
    private static String storable(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int cut = Character.isHighSurrogate(out.charAt(max - 1)) ? max - 1 : max;
        return out.substring(0, cut);
    }
}
