package io.grapholap.bench;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes a generated graph as a snapshot with engine-cpu's Arrow writer, exactly as snapshot export and
 * uploads do: node table {@code vertex} (key {@code id} INT64 = the dense id, optionally the properties
 * {@code name = "v<id>"} (STRING), {@code score} (DOUBLE in [0, 1), {@link #score}) and {@code bucket}
 * (INT64, {@code id % 10}) that the query benchmarks filter, group and sort by), edge table {@code edge}
 * ({@code from}, {@code to}). No edge properties, so the loaded graph holds nothing but the adjacency.
 */
final class Snapshots {

    private Snapshots() {
    }

    /** Removes a snapshot directory; a leftover is harmless (the next run replaces it), so failures are ignored. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            return;
        }
    }

    /** A property spread evenly over [0, 1) and unrelated to degree: the fraction part of {@code v} times the golden ratio. */
    static double score(int v) {
        double x = v * 0.6180339887498949;
        return x - Math.floor(x);
    }

    static int bucket(int v) {
        return v % 10;
    }

    static Path write(BufferAllocator allocator, GeneratedGraph graph, Path dir, boolean names) throws IOException {
        return write(allocator, graph, dir, names, false);
    }

    /** {@link #write(BufferAllocator, GeneratedGraph, Path, boolean)}, with the seed's arc weights as edge property {@code weight} when {@code weights}. */
    static Path write(BufferAllocator allocator, GeneratedGraph graph, Path dir, boolean names, boolean weights) throws IOException {
        if (weights && graph.weights() == null) {
            throw new IllegalArgumentException("graph " + graph.name() + " has no weights");
        }
        deleteQuietly(dir);
        Files.createDirectories(dir.getParent());
        try (SnapshotWriter writer = new ArrowSnapshotWriterFactory(allocator).create(dir, SnapshotSource.dataset(graph.name()))) {
            List<ColumnSpec> properties = names ? List.of(ColumnSpec.of("name", ValueType.STRING),
                    ColumnSpec.of("score", ValueType.DOUBLE), ColumnSpec.of("bucket", ValueType.INT64)) : List.of();
            try (TableWriter nodes = writer.beginNodes("vertex", ColumnSpec.of("id", ValueType.INT64), properties)) {
                for (int v = 0; v < graph.vertexCount(); v++) {
                    if (names) {
                        nodes.append((long) v, "v" + v, score(v), (long) bucket(v));
                    } else {
                        nodes.append((long) v);
                    }
                }
            }
            try (TableWriter edges = writer.beginEdges("edge", "vertex", "vertex", ColumnSpec.of("from", ValueType.INT64),
                    ColumnSpec.of("to", ValueType.INT64),
                    weights ? List.of(ColumnSpec.of("weight", ValueType.DOUBLE)) : List.of())) {
                int[] offsets = graph.offsets();
                int[] targets = graph.targets();
                float[] w = graph.weights();
                for (int v = 0; v < graph.vertexCount(); v++) {
                    Long from = (long) v;
                    for (int p = offsets[v]; p < offsets[v + 1]; p++) {
                        if (weights) {
                            edges.append(from, (long) targets[p], (double) w[p]);
                        } else {
                            edges.append(from, (long) targets[p]);
                        }
                    }
                }
            }
            writer.finish();
        }
        return dir;
    }
}
