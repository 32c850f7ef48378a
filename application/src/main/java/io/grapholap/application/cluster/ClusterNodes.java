package io.grapholap.application.cluster;

import java.time.Instant;
import java.util.List;

/** Out-port: the registry of server nodes in the metadata database. */
public interface ClusterNodes {

    /** Records {@code node}, replacing an earlier record of the same id. */
    void register(ClusterNode node);

    /** Sets the node's heartbeat; false when it has no record (removed meanwhile). */
    boolean heartbeat(String id, Instant at);

    void deregister(String id);

    /** Every recorded node, alive or not, by id. */
    List<ClusterNode> list();
}
