package io.grapholap.snapshot.arrow;

import io.grapholap.application.dataset.ArrowStreamDecoder;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The Arrow side of the server, whatever engines it ships: one {@link RootAllocator} for the
 * process (closed with the server), the snapshot writer and reader, and the decoder of uploaded
 * Arrow IPC streams.
 */
@Factory
public class SnapshotArrowFactory {

    @Singleton
    @Bean(preDestroy = "close")
    BufferAllocator rootAllocator() {
        return new RootAllocator();
    }

    @Singleton
    SnapshotWriterFactory snapshotWriterFactory(BufferAllocator allocator) {
        return new ArrowSnapshotWriterFactory(allocator);
    }

    @Singleton
    SnapshotReader snapshotReader(BufferAllocator allocator) {
        return new ArrowSnapshotReader(allocator);
    }

    @Singleton
    ArrowStreamDecoder arrowStreamDecoder(BufferAllocator allocator) {
        return new ArrowStreamTables(allocator);
    }
}
