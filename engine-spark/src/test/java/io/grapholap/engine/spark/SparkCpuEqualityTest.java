package io.grapholap.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Spark job against the CPU kernel on the same random graphs (self-loops, parallel edges, isolated
 * vertices, weights): integer results exactly, floating-point ones within 1e-6 relative. One graph is
 * directed with INT64 keys, the other undirected with STRING keys under two labels (cdlp and wcc then
 * name communities by key, not by number).
 */
@ExtendWith(SparkClusterExtension.class)
class SparkCpuEqualityTest {

    private static final double RELATIVE = 1e-6;

    @TempDir
    Path tmp;

    @Test
    void directedGraphWithNumericKeys() {
        Path dir = tmp.resolve("directed");
        SplittableRandom random = new SplittableRandom(7);
        int n = 240;
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("directed"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (int v = 0; v < n; v++) {
                    t.append(1000L + 7L * ((v * 37L) % n));
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of(ColumnSpec.of("weight", ValueType.DOUBLE)))) {
                for (int i = 0; i < 900; i++) {
                    long a = 1000L + 7L * random.nextInt(n - 20);
                    long b = 1000L + 7L * (i % 50 == 0 ? (a - 1000L) / 7 : random.nextInt(n - 20));
                    t.append(a, b, random.nextDouble() * 10.0);
                }
            }
            w.finish();
        }
        compare(dir, LoadOptions.defaults().withParallelism(2), 1000L + 7L * 3);
    }

    @Test
    void undirectedGraphWithStringKeysUnderTwoLabels() {
        Path dir = tmp.resolve("undirected");
        SplittableRandom random = new SplittableRandom(11);
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("undirected"))) {
            try (TableWriter t = w.beginNodes("a", ColumnSpec.of("name", ValueType.STRING), List.of())) {
                for (int v = 0; v < 120; v++) {
                    t.append("a" + (v * 13 % 120));
                }
            }
            try (TableWriter t = w.beginNodes("b", ColumnSpec.of("name", ValueType.STRING), List.of())) {
                for (int v = 0; v < 80; v++) {
                    t.append("b" + v);
                }
            }
            try (TableWriter t = w.beginEdges("ab", "a", "b", ColumnSpec.of("from", ValueType.STRING),
                    ColumnSpec.of("to", ValueType.STRING), List.of(ColumnSpec.of("weight", ValueType.INT64)))) {
                for (int i = 0; i < 300; i++) {
                    t.append("a" + random.nextInt(110), "b" + random.nextInt(70), (long) random.nextInt(9));
                }
            }
            try (TableWriter t = w.beginEdges("aa", "a", "a", ColumnSpec.of("from", ValueType.STRING),
                    ColumnSpec.of("to", ValueType.STRING), List.of())) {
                for (int i = 0; i < 300; i++) {
                    t.append("a" + random.nextInt(110), "a" + random.nextInt(110));
                }
            }
            w.finish();
        }
        compare(dir, LoadOptions.defaults().withParallelism(2).withDirected(false), "a5");
    }

    private void compare(Path dir, LoadOptions options, Object source) {
        List<Map<String, Object>> runs = List.of(
                Map.of("algorithm", "pagerank", "damping", 0.85, "iterations", 10),
                Map.of("algorithm", "wcc"),
                Map.of("algorithm", "cdlp", "iterations", 5),
                Map.of("algorithm", "bfs", "source", source),
                Map.of("algorithm", "sssp", "source", source, "weight", "weight"),
                Map.of("algorithm", "degree", "direction", "both"),
                Map.of("algorithm", "lcc"),
                Map.of("algorithm", "triangle_count"));
        CpuGraphEngine cpu = new CpuGraphEngine(SparkClusterExtension.allocator(), 2);
        try (GraphInstance expected = cpu.load(dir, options, ProgressListener.NONE, CancellationToken.create());
             GraphInstance actual = SparkClusterExtension.current().load(dir, options, ProgressListener.NONE,
                     CancellationToken.create())) {
            for (Map<String, Object> run : runs) {
                Map<String, Object> params = new java.util.HashMap<>(run);
                String name = (String) params.remove("algorithm");
                AlgorithmResult want = expected.run(AlgorithmRegistry.parse(name, params), ExecutionContext.of(2));
                AlgorithmResult got = actual.run(AlgorithmRegistry.parse(name, params), ExecutionContext.of(2));
                assertThat(got.engine()).isEqualTo("spark");
                assertThat(got.columns()).as(name).isEqualTo(want.columns());
                for (String column : want.columns()) {
                    assertSame(name + "." + column, want.column(column), got.column(column));
                }
            }
        }
    }

    private static void assertSame(String what, Column want, Column got) {
        assertThat(got.size()).as(what).isEqualTo(want.size());
        for (int r = 0; r < want.size(); r++) {
            Object w = want.get(r);
            Object g = got.get(r);
            if (w instanceof Double wd && g instanceof Double gd) {
                boolean same = wd.equals(gd) || Math.abs(wd - gd) <= RELATIVE * Math.max(Math.abs(wd), Math.abs(gd));
                assertThat(same).as("%s row %d: cpu %s, spark %s", what, r, wd, gd).isTrue();
            } else {
                assertThat(g).as("%s row %d", what, r).isEqualTo(w);
            }
        }
    }

    private static ArrowSnapshotWriterFactory writers() {
        return new ArrowSnapshotWriterFactory(SparkClusterExtension.allocator(), 64, Clock.systemUTC());
    }
}
