package io.grapholap.application.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.graph.snapshot.TableWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two example graphs of LDBC Graphalytics with their reference outputs (test resources under
 * {@code ldbc/example/}, see the README there): writes a graph as a snapshot (one label {@code v} with
 * INT64 keys, one edge type {@code e} with a DOUBLE {@code weight}) and checks an algorithm's answer the
 * way Graphalytics validates it: BFS and CDLP exactly, WCC up to a renaming of the components, PR, LCC
 * and SSSP within {@link #RELATIVE} (unreachable vertices as the reference writes them: depth
 * {@link Long#MAX_VALUE}, distance infinity).
 */
public enum LdbcExampleGraphs {

    DIRECTED("example-directed", true, 1L),
    UNDIRECTED("example-undirected", false, 2L);

    /** The six Graphalytics kernels, by their names in the reference files. */
    public enum Kernel {
        BFS("bfs", "depth"), CDLP("cdlp", "community"), LCC("lcc", "lcc"), PR("pagerank", "rank"),
        SSSP("sssp", "distance"), WCC("wcc", "component");

        private final String algorithm;
        private final String column;

        Kernel(String algorithm, String column) {
            this.algorithm = algorithm;
            this.column = column;
        }

        /** The registry name of the algorithm. */
        public String algorithm() {
            return algorithm;
        }
    }

    /** Largest relative difference accepted for floating-point answers. */
    public static final double RELATIVE = 1e-6;

    private final String file;
    private final boolean directed;
    private final long source;

    LdbcExampleGraphs(String file, boolean directed, long source) {
        this.file = file;
        this.directed = directed;
        this.source = source;
    }

    /** The graph's name in Graphalytics, the prefix of its files. */
    public String file() {
        return file;
    }

    /** Whether Graphalytics treats the graph as directed. */
    public boolean directed() {
        return directed;
    }

    /** How the reference outputs were computed: directed or not, loaded with the weights. */
    public LoadOptions options(LoadOptions base) {
        return base.withDirected(directed);
    }

    /** The parameters the reference output of {@code kernel} was computed with (example-*.properties). */
    public AlgorithmParams params(Kernel kernel) {
        Map<String, Object> raw = switch (kernel) {
            case BFS -> Map.of("source", source);
            case SSSP -> Map.of("source", source, "weight", "weight");
            case PR -> Map.of("damping", 0.85, "iterations", 2);
            case CDLP -> Map.of("iterations", 2);
            case LCC, WCC -> Map.of();
        };
        return AlgorithmRegistry.parse(kernel.algorithm, raw);
    }

    /** Writes the graph under {@code dir}: the vertices of the adjacency list, the weighted edges of {@code .e}. */
    public Path write(SnapshotWriterFactory writers, Path dir) {
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset(file))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (String[] line : lines(file + "-input")) {
                    t.append(Long.parseLong(line[0]));
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of(ColumnSpec.of("weight", ValueType.DOUBLE)))) {
                for (String[] line : lines(file + ".e")) {
                    t.append(Long.parseLong(line[0]), Long.parseLong(line[1]), Double.parseDouble(line[2]));
                }
            }
            w.finish();
        }
        return dir;
    }

    /** Checks {@code result} against the reference output of {@code kernel}, naming the graph and vertex on failure. */
    public void check(Kernel kernel, AlgorithmResult result) {
        Map<Long, String> expected = new LinkedHashMap<>();
        for (String[] line : lines(file + "-" + kernel.name())) {
            expected.put(Long.parseLong(line[0]), line[1]);
        }
        Map<Long, Object> actual = new HashMap<>();
        Column keys = result.column("key");
        Column values = result.column(kernel.column);
        for (int i = 0; i < result.rowCount(); i++) {
            assertThat(actual.put(((Number) keys.get(i)).longValue(), values.get(i)))
                    .as("%s %s: vertex %s answered once", file, kernel, keys.get(i)).isNull();
        }
        assertThat(actual.keySet()).as("%s %s: vertices", file, kernel).containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        Map<Long, Long> renaming = new HashMap<>();
        Map<Long, Long> renamed = new HashMap<>();
        expected.forEach((vertex, want) -> {
            Object got = actual.get(vertex);
            String what = file + " " + kernel + " of vertex " + vertex;
            switch (kernel) {
                case BFS, CDLP -> assertThat(((Number) got).longValue()).as(what).isEqualTo(Long.parseLong(want));
                case PR, LCC, SSSP -> assertClose(what, Double.parseDouble(want), ((Number) got).doubleValue());
                case WCC -> {
                    long reference = Long.parseLong(want);
                    long ours = ((Number) got).longValue();
                    assertThat(renaming.computeIfAbsent(reference, r -> ours)).as(what + ": same component as "
                            + "the vertices the reference puts with it").isEqualTo(ours);
                    assertThat(renamed.computeIfAbsent(ours, o -> reference)).as(what + ": not joined with "
                            + "vertices the reference puts in another component").isEqualTo(reference);
                }
            }
        });
    }

    private static void assertClose(String what, double want, double got) {
        if (Double.isInfinite(want)) {
            assertThat(got).as(what).isEqualTo(want);
        } else {
            assertThat(Math.abs(got - want)).as("%s: %s against %s", what, got, want)
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(want));
        }
    }

    /** The whitespace-separated fields of each non-blank line of test resource {@code ldbc/example/<resource>}. */
    static List<String[]> lines(String resource) {
        try (InputStream in = LdbcExampleGraphs.class.getResourceAsStream("/ldbc/example/" + resource)) {
            assertThat(in).as("test resource ldbc/example/%s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.isBlank())
                    .map(l -> l.trim().split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
