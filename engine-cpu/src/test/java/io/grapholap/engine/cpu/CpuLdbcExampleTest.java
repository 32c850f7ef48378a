package io.grapholap.engine.cpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.LdbcExampleGraphsContract;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.time.Clock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The LDBC Graphalytics example graphs and reference outputs against the CPU engine. */
class CpuLdbcExampleTest extends LdbcExampleGraphsContract {

    private BufferAllocator allocator;
    private CpuGraphEngine engine;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        engine = new CpuGraphEngine(allocator, 2);
    }

    @AfterEach
    void tearDown() {
        // closing fails the test when a load or a writer leaked Arrow memory
        allocator.close();
    }

    @Override
    protected GraphEngine engine() {
        return engine;
    }

    @Override
    protected SnapshotWriterFactory writers() {
        return new ArrowSnapshotWriterFactory(allocator, 4, Clock.systemUTC());
    }
}
