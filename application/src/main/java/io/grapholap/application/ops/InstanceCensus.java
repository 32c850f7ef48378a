package io.grapholap.application.ops;

import java.util.Map;

/** Instance counts for the cluster and state views and the metrics gauges. */
public interface InstanceCensus {

    /** Instances per status wire name ({@code running}, {@code starting}, …), terminated included. */
    Map<String, Long> countByStatus();

    /** Live instances (waiting_for_snapshot, starting, running, stopping) per owner. */
    Map<String, Long> liveCountByOwner();

    /**
     * Instances recorded as {@code starting} or {@code running} whose graph this server neither
     * holds nor is loading: seed 001's {@code without_pod_name} (a live instance with no engine).
     */
    long withoutEngine();

    /** The live instances placed on each node, by node id: how many and the memory they hold by estimate. */
    Map<String, NodeLoad> liveByNode();

    /** What the live instances placed on one node hold. */
    record NodeLoad(long instances, long memoryBytes) {
    }
}
