package io.grapholap.engine.cpu;

import io.grapholap.application.dataset.ArrowStreamDecoder;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.engine.cpu.snapshot.ArrowSnapshotReader;
import io.grapholap.engine.cpu.snapshot.ArrowStreamTables;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;

/** The Arrow side of dataset uploads: reading a version back, decoding uploaded Arrow IPC streams. */
@Factory
public class DatasetIoFactory {

    @Singleton
    SnapshotReader snapshotReader(BufferAllocator allocator) {
        return new ArrowSnapshotReader(allocator);
    }

    @Singleton
    ArrowStreamDecoder arrowStreamDecoder(BufferAllocator allocator) {
        return new ArrowStreamTables(allocator);
    }
}
