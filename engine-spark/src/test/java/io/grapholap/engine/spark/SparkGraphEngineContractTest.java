package io.grapholap.engine.spark;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphEngineContractTest;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared engine contract against the Spark engine on a standalone cluster of two workers (separate
 * JVMs, {@link SparkCluster}); Gremlin cases check the {@code NOT_SUPPORTED_ON_ENGINE} answer.
 */
@ExtendWith(SparkClusterExtension.class)
class SparkGraphEngineContractTest extends GraphEngineContractTest {

    @Override
    protected GraphEngine engine() {
        return SparkClusterExtension.current();
    }

    @Override
    protected SnapshotWriterFactory writers() {
        return new ArrowSnapshotWriterFactory(SparkClusterExtension.allocator(), 3, Clock.systemUTC());
    }

    @Override
    protected boolean runsGremlin() {
        return false;
    }
}
