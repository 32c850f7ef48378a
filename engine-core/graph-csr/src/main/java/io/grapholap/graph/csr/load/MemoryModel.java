package io.grapholap.graph.csr.load;

import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ValueType;
import io.grapholap.graph.csr.Adjacency;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes a snapshot will hold once loaded by {@link CsrLoader}, from its manifest alone. With
 * {@code n} vertices, {@code m} edges, {@code a = m} arcs per direction (directed) or {@code a = 2m}
 * stored once (undirected; self-loops make the real count smaller) and {@code d} = 2 directions
 * (directed) or 1 (undirected):
 *
 * <pre>
 *   offsets     4 (n + 1) d
 *   targets     4 a d
 *   weights     8 a d               when a weight property is loaded
 *   edge types  1 a d               when there is more than one edge type
 *   edge rows   4 a d               when any edge table has properties
 *   keys        0                   identity keys (integers 0..rows-1 in order)
 *               8 c + 12 cap(c)     other integer-backed keys of a label with c vertices
 *               s c + 12 cap(c)     object keys, s = 56 (STRING and others) or 40 (UUID)
 *   properties  per column and row: 8 (INT64, TIMESTAMP, DOUBLE), 4 (INT32, DATE, FLOAT),
 *               56 STRING, 40 UUID, BOOL 1 bit; plus 1 bit per row for a primitive column with nulls
 * </pre>
 *
 * {@code cap(c)} is the primitive hash table capacity (the power of two at least twice c). These are
 * exactly the sizes {@code CsrGraph.bytesHeld()} reports, except that string and UUID objects are
 * counted at a fixed size. The peak adds, while edges load, the per-worker degree counters
 * ({@code 4 n} bytes per worker) and scatter buffers (up to 4M arcs per worker, 8 bytes each plus
 * companions), or while vertices load a transient copy of the largest label's keys ({@code 8 c}).
 */
public final class MemoryModel {

    private MemoryModel() {
    }

    public static MemoryEstimate estimate(SnapshotManifest manifest, LoadOptions options) {
        long n = manifest.vertexRows();
        long m = manifest.edgeRows();
        boolean directed = options.directed();
        long a = directed ? m : 2 * m;
        long d = directed ? 2 : 1;
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("offsets", 4 * (n + 1) * d);
        parts.put("targets", 4 * a * d);
        boolean weights = options.weightProperty() != null && manifest.edges().stream()
                .anyMatch(e -> e.properties().stream().anyMatch(p -> p.name().equals(options.weightProperty())));
        parts.put("weights", weights ? 8 * a * d : 0);
        parts.put("edge_types", manifest.edges().size() > 1 ? a * d : 0);
        boolean edgeProps = manifest.edges().stream().anyMatch(e -> !e.properties().isEmpty());
        parts.put("edge_rows", edgeProps ? 4 * a * d : 0);
        long keys = 0;
        long nodeProps = 0;
        long largestLabel = 0;
        for (SnapshotManifest.NodeTable t : manifest.nodes()) {
            long c = t.file().rows();
            largestLabel = Math.max(largestLabel, c);
            keys += keyBytes(t.key().type(), c, t.keyIdentity());
            for (SnapshotManifest.ColumnMeta p : t.properties()) {
                nodeProps += ColumnBuilder.bytes(p.type(), c, p.nullCount() > 0);
            }
        }
        long edgePropBytes = 0;
        for (SnapshotManifest.EdgeTable t : manifest.edges()) {
            for (SnapshotManifest.ColumnMeta p : t.properties()) {
                edgePropBytes += ColumnBuilder.bytes(p.type(), t.file().rows(), p.nullCount() > 0);
            }
        }
        parts.put("vertex_keys", keys);
        parts.put("vertex_properties", nodeProps);
        parts.put("edge_properties", edgePropBytes);
        long held = parts.values().stream().mapToLong(Long::longValue).sum();
        int workers = CsrLoader.edgeWorkers(options.parallelism(), n);
        long counters = 4L * n * workers;
        long bytesPerBufferedArc = 8 + (weights ? 8 : 0) + (manifest.edges().size() > 1 ? 1 : 0) + (edgeProps ? 4 : 0);
        long buffers = workers * Math.min(Adjacency.SCATTER_BUFFER_ARCS, Math.max(1, a / workers)) * bytesPerBufferedArc;
        long peak = held + Math.max(counters + buffers, 8 * largestLabel);
        return new MemoryEstimate(held, peak, 0, parts);
    }

    /**
     * Bytes of {@link CsrLoader#loadIdentity}: the vertex keys as above plus one offsets array of
     * {@code 4 (n + 1)} bytes (every vertex of degree 0, shared by both directions); the peak adds the
     * transient copy of the largest label's keys ({@code 8 c}).
     */
    public static MemoryEstimate identityEstimate(SnapshotManifest manifest) {
        long n = manifest.vertexRows();
        long keys = 0;
        long largestLabel = 0;
        for (SnapshotManifest.NodeTable t : manifest.nodes()) {
            long c = t.file().rows();
            largestLabel = Math.max(largestLabel, c);
            keys += keyBytes(t.key().type(), c, t.keyIdentity());
        }
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("offsets", 4 * (n + 1));
        parts.put("vertex_keys", keys);
        long held = parts.values().stream().mapToLong(Long::longValue).sum();
        return new MemoryEstimate(held, held + 8 * largestLabel, 0, parts);
    }

    static long keyBytes(ValueType type, long count, boolean identity) {
        if (identity && (type == ValueType.INT64 || type == ValueType.INT32)) {
            return 0;
        }
        if (type.isLongBacked() || type.isIntBacked()) {
            return 8 * count + VertexKeys.indexBytes(count, false);
        }
        return (type == ValueType.UUID ? 40 : 56) * count + VertexKeys.indexBytes(count, true);
    }
}
