package io.grapholap.persistence.snapshot;

import io.grapholap.application.snapshot.ExportClaims;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Export claims on the {@code snapshots} table. A claim reads the candidate row with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, and H2 2.x, which knows the clause) and updates it in
 * the same transaction, so nodes polling at once each get a different snapshot instead of queueing
 * on one; the update repeats the claimable condition, so a row that changed meanwhile is not taken.
 */
@Singleton
final class JdbcExportClaims implements ExportClaims {

    /** Pending and unclaimed, or unfinished with a lease that ran out (or never set: rows from before claims). */
    private static final String CLAIMABLE = "((status = 'pending' AND (claimed_by IS NULL OR lease_expires_at < ?))"
            + " OR (status = 'creating' AND (lease_expires_at IS NULL OR lease_expires_at < ?)))";
    private static final String CLAIM = "UPDATE snapshots SET status = 'pending', claimed_by = ?, lease_expires_at = ?,"
            + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND " + CLAIMABLE;

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    JdbcExportClaims(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> claim(long snapshotId, String node, Instant now, Instant leaseUntil) {
        return claimWhere("id = ? AND ", snapshotId, node, now, leaseUntil);
    }

    @Override
    public Optional<Claim> claimNext(String node, Instant now, Instant leaseUntil) {
        return claimWhere("", null, node, now, leaseUntil);
    }

    private Optional<Claim> claimWhere(String idCondition, Long id, String node, Instant now, Instant leaseUntil) {
        String select = "SELECT id, claimed_by, attempts FROM snapshots WHERE " + idCondition + CLAIMABLE
                + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
        return transactions.executeWrite(status -> {
            Claim candidate = jdbc.prepareStatement(select, s -> {
                int i = 1;
                if (id != null) {
                    s.setLong(i++, id);
                }
                s.setObject(i++, time(now));
                s.setObject(i, time(now));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new Claim(rs.getLong(1), rs.getInt(3) + 1, rs.getString(2)) : null;
                }
            });
            if (candidate == null) {
                return Optional.<Claim>empty();
            }
            int updated = jdbc.prepareStatement(CLAIM, u -> {
                u.setString(1, node);
                u.setObject(2, time(leaseUntil));
                u.setObject(3, time(now));
                u.setLong(4, candidate.snapshotId());
                u.setObject(5, time(now));
                u.setObject(6, time(now));
                return u.executeUpdate();
            });
            return updated == 1 ? Optional.of(candidate) : Optional.<Claim>empty();
        });
    }

    @Override
    public Set<Long> renew(Set<Long> snapshotIds, String node, Instant leaseUntil) {
        if (snapshotIds.isEmpty()) {
            return Set.of();
        }
        return transactions.executeWrite(status -> {
            Set<Long> held = new LinkedHashSet<>();
            jdbc.prepareStatement("UPDATE snapshots SET lease_expires_at = ? WHERE id = ? AND claimed_by = ?"
                    + " AND status IN ('pending', 'creating')", u -> {
                for (long id : snapshotIds) {
                    u.setObject(1, time(leaseUntil));
                    u.setLong(2, id);
                    u.setString(3, node);
                    if (u.executeUpdate() == 1) {
                        held.add(id);
                    }
                }
                return held;
            });
            return held;
        });
    }

    @Override
    public int expireAll(Instant now) {
        return transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE snapshots SET lease_expires_at = ?"
                + " WHERE claimed_by IS NOT NULL AND status IN ('pending', 'creating')", u -> {
            u.setObject(1, time(now.minusMillis(1)));
            return u.executeUpdate();
        }));
    }

    @Override
    public Map<Long, ClaimState> states(Collection<Long> snapshotIds) {
        if (snapshotIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(snapshotIds.size(), "?"));
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT id, claimed_by, lease_expires_at, attempts FROM snapshots WHERE id IN (" + marks + ")", s -> {
            int i = 1;
            for (long id : snapshotIds) {
                s.setLong(i++, id);
            }
            Map<Long, ClaimState> states = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime lease = rs.getObject(3, OffsetDateTime.class);
                    states.put(rs.getLong(1), new ClaimState(rs.getString(2), lease == null ? null : lease.toInstant(), rs.getInt(4)));
                }
            }
            return states;
        }));
    }

    private static OffsetDateTime time(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
