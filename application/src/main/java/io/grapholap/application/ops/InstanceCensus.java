package io.grapholap.application.ops;

import java.util.Map;

/** Instance counts for the cluster and state views and the metrics gauges. */
public interface InstanceCensus {

    /** Instances per status wire name ({@code running}, {@code starting}, …), terminated included. */
    Map<String, Long> countByStatus();

    /** Live instances (waiting_for_snapshot, starting, running, stopping) per owner. */
    Map<String, Long> liveCountByOwner();
}
