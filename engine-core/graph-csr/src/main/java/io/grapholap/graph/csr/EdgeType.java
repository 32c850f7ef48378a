package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One edge type. Its edges have the global edge row ids {@code rowBase .. rowBase+count-1} (the
 * order of its edge table); property columns are indexed by the local row {@code row - rowBase}.
 * {@code fromLabel}/{@code toLabel} are label names.
 */
public record EdgeType(int code, String name, String fromLabel, String toLabel, long rowBase, long count,
                       Map<String, Column> properties) {

    public EdgeType {
        Objects.requireNonNull(name, "name");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        for (var e : properties.entrySet()) {
            if (e.getValue().size() != count) {
                throw new IllegalArgumentException("edge type " + name + ": property " + e.getKey() + " has "
                        + e.getValue().size() + " values for " + count + " edges");
            }
        }
    }

    public long bytes() {
        long bytes = 0;
        for (Column c : properties.values()) {
            bytes += c.bytes();
        }
        return bytes;
    }
}
