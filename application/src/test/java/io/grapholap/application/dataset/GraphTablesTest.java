package io.grapholap.application.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.dataset.GraphTables.Value;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copy-on-write merging: upsert by key and endpoints, typing rules, bounds, and what gets written. */
class GraphTablesTest {

    /** Collects what would be written: per table its columns (name:TYPE) and rows. */
    private static final class Recorder implements SnapshotWriter {
        final Map<String, List<String>> columns = new LinkedHashMap<>();
        final Map<String, List<List<Object>>> rows = new LinkedHashMap<>();

        private TableWriter table(String name, List<ColumnSpec> specs) {
            columns.put(name, specs.stream().map(c -> c.name() + ":" + c.type()).toList());
            List<List<Object>> out = new ArrayList<>();
            rows.put(name, out);
            return new TableWriter() {
                @Override
                public void append(Object... row) {
                    out.add(java.util.Arrays.asList(row.clone()));
                }

                @Override
                public long rowCount() {
                    return out.size();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TableWriter beginNodes(String label, ColumnSpec key, List<ColumnSpec> properties) {
            List<ColumnSpec> all = new ArrayList<>(List.of(key));
            all.addAll(properties);
            return table("node:" + label, all);
        }

        @Override
        public TableWriter beginEdges(String type, String fromLabel, String toLabel, ColumnSpec fromKey, ColumnSpec toKey,
                                      List<ColumnSpec> properties) {
            List<ColumnSpec> all = new ArrayList<>(List.of(fromKey, toKey));
            all.addAll(properties);
            return table("edge:" + type + ":" + fromLabel + ">" + toLabel, all);
        }

        @Override
        public SnapshotSummary finish() {
            return new SnapshotSummary(Path.of("x"), Map.of(), Map.of(), 0);
        }

        @Override
        public void close() {
        }
    }

    private static Value s(String v) {
        return new Value(ValueType.STRING, v);
    }

    private static Value l(long v) {
        return new Value(ValueType.INT64, v);
    }

    private static Value d(double v) {
        return new Value(ValueType.DOUBLE, v);
    }

    private static Map<String, Value> attrs(Object... pairs) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Value) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void upsertsMergeByKeyAndEndpointsOverAStoredVersion() {
        StoredGraph stored = new StoredGraph(
                List.of(new StoredGraph.Nodes("P", ColumnSpec.of("id", ValueType.INT64), List.of(ColumnSpec.of("name", ValueType.STRING)),
                        List.<Object[]>of(new Object[]{1L, "a"}, new Object[]{2L, "b"}))),
                List.of(new StoredGraph.Edges("K", "P", "P", ColumnSpec.of("s", ValueType.INT32), ColumnSpec.of("t", ValueType.INT64),
                        List.of(ColumnSpec.of("w", ValueType.DOUBLE)), List.<Object[]>of(new Object[]{1, 2L, 0.5}))));
        GraphTables tables = GraphTables.of(stored, 100);
        tables.upsertVertex("P", "v_id", s("2"), Map.of("age", l(7)));
        tables.upsertVertex("P", "v_id", s("3"), Map.of("name", s("c")));
        tables.upsertEdge("K", "P", "P", "from_id", "to_id", l(1), l(2), Map.of("w", l(2)));
        Recorder out = new Recorder();
        assertThatThrownBy(() -> tables.upsertEdge("K", "P", "Q", "a", "b", l(1), s("q"), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("goes from P to P");
        tables.upsertEdge("L", "P", "Q", "from_id", "to_id", l(2), s("q1"), Map.of());
        tables.writeTo(out);

        assertThat(tables.nodeCounts()).containsExactly(Map.entry("P", 3L), Map.entry("Q", 1L));
        assertThat(tables.edgeCounts()).containsExactly(Map.entry("K", 1L), Map.entry("L", 1L));
        assertThat(out.columns.get("node:P")).containsExactly("id:INT64", "name:STRING", "age:INT64");
        assertThat(out.rows.get("node:P")).containsExactly(java.util.Arrays.asList(1L, "a", null), java.util.Arrays.asList(2L, "b", 7L),
                java.util.Arrays.asList(3L, "c", null));
        assertThat(out.columns.get("node:Q")).containsExactly("v_id:STRING");
        assertThat(out.columns.get("edge:K:P>P")).as("edge keys take their labels' key type")
                .containsExactly("s:INT64", "t:INT64", "w:DOUBLE");
        assertThat(out.rows.get("edge:K:P>P")).containsExactly(List.of(1L, 2L, 2.0));
    }

    @Test
    void typeRulesWidenIntegersToDoublesAndRefuseClashesNamingTheAttribute() {
        GraphTables tables = GraphTables.empty(100);
        tables.upsertVertex("U", "v_id", s("a"), attrs("n", l(1), "day", s("2026-01-31")));
        tables.upsertVertex("U", "v_id", s("b"), Map.of("n", d(2.5)));
        Recorder out = new Recorder();
        tables.writeTo(out);
        assertThat(out.columns.get("node:U")).containsExactly("v_id:STRING", "n:DOUBLE", "day:STRING");
        assertThat(out.rows.get("node:U")).containsExactly(List.of("a", 1.0, "2026-01-31"), java.util.Arrays.asList("b", 2.5, null));

        assertThatThrownBy(() -> tables.upsertVertex("U", "v_id", s("c"), Map.of("n", s("many"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("U.n is DOUBLE")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("U.n");
        assertThatThrownBy(() -> tables.upsertVertex("U", "v_id", l(5), Map.of()))
                .as("a number key for a STRING label").isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("U.v_id");
        assertThatThrownBy(() -> tables.upsertVertex("U", "v_id", s("d"), Map.of("v_id", s("x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key column");
        assertThatThrownBy(() -> tables.upsertVertex("U", "v_id", s("d"), Map.of("a b", s("x"))))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field()).isEqualTo("U.a b");
        assertThatThrownBy(() -> tables.upsertVertex("bad label", "v_id", s("d"), Map.of()))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field()).isEqualTo("label");
    }

    @Test
    void stringsGoIntoDateTimestampAndUuidColumnsWhenTheyParse() {
        StoredGraph stored = new StoredGraph(List.of(new StoredGraph.Nodes("E", ColumnSpec.of("id", ValueType.INT64),
                List.of(ColumnSpec.of("on", ValueType.DATE), ColumnSpec.of("at", ValueType.TIMESTAMP)), List.of())), List.of());
        GraphTables tables = GraphTables.of(stored, 100);
        tables.upsertVertex("E", "v_id", s("1"), attrs("on", s("1970-01-03"), "at", s("1970-01-01T00:00:01Z")));
        Recorder out = new Recorder();
        tables.writeTo(out);
        assertThat(out.rows.get("node:E")).containsExactly(List.of(1L, 2, 1_000_000L));
        assertThatThrownBy(() -> tables.upsertVertex("E", "v_id", s("2"), Map.of("on", s("soon"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("E.on is DATE");
    }

    @Test
    void aVersionHoldsAtMostMaxRowsVerticesAndEdges() {
        GraphTables tables = GraphTables.empty(3);
        tables.upsertVertex("U", "v_id", s("a"), Map.of());
        tables.upsertVertex("U", "v_id", s("a"), Map.of());
        tables.upsertEdge("F", "U", "U", "from_id", "to_id", s("a"), s("b"), Map.of());
        assertThatThrownBy(() -> tables.upsertVertex("U", "v_id", s("c"), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 3");
    }
}
