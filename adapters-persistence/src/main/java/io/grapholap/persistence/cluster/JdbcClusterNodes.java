package io.grapholap.persistence.cluster;

import io.grapholap.application.cluster.ClusterNode;
import io.grapholap.application.cluster.ClusterNodes;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code cluster_nodes} table; registering replaces a node's row in one transaction. */
@Singleton
final class JdbcClusterNodes implements ClusterNodes {

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    JdbcClusterNodes(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void register(ClusterNode node) {
        transactions.executeWrite(status -> {
            jdbc.prepareStatement("DELETE FROM cluster_nodes WHERE id = ?", s -> {
                s.setString(1, node.id());
                return s.executeUpdate();
            });
            return jdbc.prepareStatement("INSERT INTO cluster_nodes (id, url, cores, memory_budget, engines, started_at,"
                    + " heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
                s.setString(1, node.id());
                s.setString(2, node.url());
                s.setInt(3, node.cores());
                s.setLong(4, node.memoryBudget());
                s.setString(5, String.join(",", node.engines()));
                s.setObject(6, time(node.startedAt()));
                s.setObject(7, time(node.heartbeatAt()));
                return s.executeUpdate();
            });
        });
    }

    @Override
    public boolean heartbeat(String id, Instant at) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE cluster_nodes SET heartbeat_at = ? WHERE id = ?", s -> {
            s.setObject(1, time(at));
            s.setString(2, id);
            return s.executeUpdate() == 1;
        }));
    }

    @Override
    public void deregister(String id) {
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM cluster_nodes WHERE id = ?", s -> {
            s.setString(1, id);
            return s.executeUpdate();
        }));
    }

    @Override
    public List<ClusterNode> list() {
        // Not a read-only transaction: the cluster-wide jobs read the registry on the connection that
        // holds their advisory lock, and a read-only transaction there left it unable to write.
        return transactions.executeWrite(status -> jdbc.prepareStatement(
                "SELECT id, url, cores, memory_budget, engines, started_at, heartbeat_at FROM cluster_nodes ORDER BY id", s -> {
            List<ClusterNode> nodes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String engines = rs.getString(5);
                    nodes.add(new ClusterNode(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                            engines.isEmpty() ? List.of() : Arrays.asList(engines.split(",")),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
            return nodes;
        }));
    }

    private static OffsetDateTime time(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
