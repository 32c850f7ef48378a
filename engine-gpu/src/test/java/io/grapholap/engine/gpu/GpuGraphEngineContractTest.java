package io.grapholap.engine.gpu;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphEngineContractTest;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;

/** The shared engine contract against the GPU engine; skipped, with the reason printed, without a GPU. */
class GpuGraphEngineContractTest extends GraphEngineContractTest {

    private BufferAllocator allocator;
    private GpuGraphEngine engine;

    @BeforeEach
    void setUp() {
        GpuAssumptions.assumeGpu("GpuGraphEngineContractTest");
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
        return new ArrowSnapshotWriterFactory(allocator, 3, Clock.systemUTC());
    }
}
