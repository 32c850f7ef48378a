package io.grapholap.engine.spark;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.LdbcExampleGraphsContract;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The LDBC Graphalytics example graphs and reference outputs against the Spark engine on the shared
 * standalone cluster ({@link SparkCluster}); the engine advertises the six Graphalytics kernels.
 */
@ExtendWith(SparkClusterExtension.class)
class SparkLdbcExampleTest extends LdbcExampleGraphsContract {

    @Override
    protected GraphEngine engine() {
        return SparkClusterExtension.current();
    }

    @Override
    protected SnapshotWriterFactory writers() {
        return new ArrowSnapshotWriterFactory(SparkClusterExtension.allocator(), 4, Clock.systemUTC());
    }
}
