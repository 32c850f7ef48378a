package io.grapholap.application.graph;

import java.util.Map;

/**
 * Size of a loaded graph: vertex and edge counts in total and per label/type (insertion order kept),
 * and bytes held in host and device memory.
 */
public record GraphStatistics(long vertexCount, long edgeCount, boolean directed, Map<String, Long> verticesPerLabel,
                              Map<String, Long> edgesPerType, long hostBytes, long deviceBytes) {

    public GraphStatistics {
        verticesPerLabel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verticesPerLabel));
        edgesPerType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(edgesPerType));
    }
}
