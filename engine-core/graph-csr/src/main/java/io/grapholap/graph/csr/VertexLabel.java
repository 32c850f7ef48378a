package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One vertex label. Its vertices have the contiguous dense ids {@code start .. start+count-1};
 * {@code keys} and every property column are indexed by the local id {@code v - start}.
 */
public record VertexLabel(int code, String name, int start, int count, VertexKeys keys,
                          Map<String, Column> properties) {

    public VertexLabel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        if (keys.size() != count) {
            throw new IllegalArgumentException("label " + name + ": " + keys.size() + " keys for " + count + " vertices");
        }
        for (var e : properties.entrySet()) {
            if (e.getValue().size() != count) {
                throw new IllegalArgumentException("label " + name + ": property " + e.getKey() + " has "
                        + e.getValue().size() + " values for " + count + " vertices");
            }
        }
    }

    public int end() {
        return start + count;
    }

    public boolean contains(int vertex) {
        return vertex >= start && vertex < start + count;
    }

    public long bytes() {
        long bytes = keys.bytes();
        for (Column c : properties.values()) {
            bytes += c.bytes();
        }
        return bytes;
    }
}
