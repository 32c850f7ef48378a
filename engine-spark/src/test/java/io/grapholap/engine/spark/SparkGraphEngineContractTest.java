package io.grapholap.engine.spark;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphEngineContractTest;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.load.MemoryModel;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared engine contract against the Spark engine on a standalone cluster of two workers (separate
 * JVMs, {@link SparkCluster}); Gremlin cases check the {@code NOT_SUPPORTED_ON_ENGINE} answer. Beside the
 * contract: a job cancelled while it runs, and a driver JVM that died.
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

    @Test
    void cancellingARunningJobStopsItAndTheDriverServesTheNextRun() throws Exception {
        try (GraphInstance g = engine().load(writePlainGraph("plain", 300), options(), ProgressListener.NONE,
                CancellationToken.create())) {
            CancellationToken token = CancellationToken.create();
            // reported once the run's command is with the driver, so the cancel reaches a running Spark job
            ProgressListener cancelOnStart = (phase, f, msg) -> {
                if (f == 0.0) {
                    token.cancel("test");
                }
            };
            long started = System.nanoTime();
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("pagerank", Map.of("iterations", 1000)),
                    new ExecutionContext(token, cancelOnStart, 2))).isInstanceOf(CancelledException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            AlgorithmResult degree = g.run(AlgorithmRegistry.parse("degree", Map.of()), ExecutionContext.of(2));
            assertThat(degree.rowCount()).isEqualTo(300);
        }
    }

    @Test
    void aDriverThatDiedIsStartedAgainAndReloadsTheGraph() throws Exception {
        try (GraphInstance g = engine().load(writeChainGraph("chain"), options(), ProgressListener.NONE,
                CancellationToken.create())) {
            ProcessHandle driver = SparkClusterExtension.current().driverProcess().orElseThrow();
            driver.destroyForcibly();
            driver.onExit().get(30, TimeUnit.SECONDS);
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("bfs", Map.of("source", 10L)), ExecutionContext.of(2));
            assertThat(byKey(r, "depth")).containsEntry(40L, 2L).containsEntry(50L, Long.MAX_VALUE);
            assertThat(SparkClusterExtension.current().driverProcess().orElseThrow().pid()).isNotEqualTo(driver.pid());
        }
    }

    @Test
    void theServerHoldsTheVertexIdentityOnlyAndReadsTablesFromTheFiles() {
        Path dir = writePeopleGraph("people");
        SnapshotManifest manifest = SnapshotManifest.read(dir);
        try (GraphInstance g = engine().load(dir, options(), ProgressListener.NONE, CancellationToken.create())) {
            long held = g.statistics().hostBytes();
            assertThat(held).isEqualTo(MemoryModel.identityEstimate(manifest).hostBytes())
                    .isLessThan(MemoryModel.estimate(manifest, options()).hostBytes());
            assertThat(engine().estimate(dir, options()).hostBytes()).isEqualTo(held);
            assertThat(g.nodes("person").columnNames()).containsExactly("id", "key", "age");
            assertThat(g.edges("knows").rowCount()).isEqualTo(manifest.edges().stream()
                    .filter(e -> e.type().equals("knows")).findFirst().orElseThrow().file().rows());
        }
    }

    @Test
    void aNegativeWeightReadByTheExecutorsIsRefusedNamingTheWeight() {
        Path dir = tmp.resolve("negative");
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("negative"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(1L);
                t.append(2L);
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of(ColumnSpec.of("cost", ValueType.DOUBLE)))) {
                t.append(1L, 2L, -1.5);
            }
            w.finish();
        }
        try (GraphInstance g = engine().load(dir, options(), ProgressListener.NONE, CancellationToken.create())) {
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("sssp", Map.of("source", 1L, "weight", "cost")),
                    ExecutionContext.of(2))).isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("weight");
                        assertThat(e.getMessage()).contains("cost").contains("-1.5");
                    });
        }
    }
}
