package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.LdbcExampleGraphsContract;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.time.Clock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The LDBC Graphalytics example graphs and reference outputs against the GPU engine (the kernels it
 * runs on the device); skipped, with the reason printed, without a GPU.
 */
class GpuLdbcExampleTest extends LdbcExampleGraphsContract {

    private BufferAllocator allocator;
    private GpuGraphEngine engine;

    @BeforeEach
    void setUp() {
        GpuAssumptions.assumeGpu("GpuLdbcExampleTest");
        allocator = new RootAllocator();
        engine = new GpuGraphEngine(HostGraphLoader.csr(allocator));
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
            allocator.close();
        }
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
