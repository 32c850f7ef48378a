package io.grapholap.application.graph;

import java.util.Map;

/**
 * Memory a snapshot will take once loaded, computed from its manifest before loading.
 * {@code hostBytes}/{@code deviceBytes} are what the loaded graph keeps; {@code peakHostBytes} adds
 * the scratch space the load needs while it runs. {@code breakdown} names the parts (offsets,
 * targets, weights, keys, properties, …) in bytes.
 */
public record MemoryEstimate(long hostBytes, long peakHostBytes, long deviceBytes, Map<String, Long> breakdown) {

    public MemoryEstimate {
        breakdown = breakdown == null ? Map.of() : Map.copyOf(breakdown);
    }
}
