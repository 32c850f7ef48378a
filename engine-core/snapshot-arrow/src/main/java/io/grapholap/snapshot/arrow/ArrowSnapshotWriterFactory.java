package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** Writes snapshots as Arrow IPC files plus {@code manifest.json}; see {@link SnapshotManifest}. */
public final class ArrowSnapshotWriterFactory implements SnapshotWriterFactory {

    /** Rows per record batch: large enough for fast loading, small enough for constant memory. */
    public static final int DEFAULT_BATCH_ROWS = 1 << 16;

    private final BufferAllocator allocator;
    private final int batchRows;
    private final Clock clock;

    public ArrowSnapshotWriterFactory(BufferAllocator allocator) {
        this(allocator, DEFAULT_BATCH_ROWS, Clock.systemUTC());
    }

    public ArrowSnapshotWriterFactory(BufferAllocator allocator, int batchRows, Clock clock) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1: " + batchRows);
        }
        this.batchRows = batchRows;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SnapshotWriter create(Path targetDir, SnapshotSource source) {
        return new ArrowSnapshotWriter(allocator, targetDir, Objects.requireNonNull(source, "source"), batchRows, clock);
    }
}
