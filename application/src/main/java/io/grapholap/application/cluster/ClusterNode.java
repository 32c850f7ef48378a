package io.grapholap.application.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A server node sharing the metadata database: its id, the base URL other nodes and clients reach it
 * at, its cores, the memory budget its instances may hold, the engines it has, when it started and
 * when it last said it was alive.
 */
public record ClusterNode(String id, String url, int cores, long memoryBudget, List<String> engines, Instant startedAt,
                          Instant heartbeatAt) {

    public ClusterNode {
        Objects.requireNonNull(id);
        Objects.requireNonNull(url);
        engines = List.copyOf(engines);
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(heartbeatAt);
    }

    /** Alive while its last heartbeat is more recent than {@code deadAfter}. */
    public boolean alive(Instant now, Duration deadAfter) {
        return heartbeatAt.plus(deadAfter).isAfter(now);
    }

    public ClusterNode withHeartbeat(Instant at) {
        return new ClusterNode(id, url, cores, memoryBudget, engines, startedAt, at);
    }
}
