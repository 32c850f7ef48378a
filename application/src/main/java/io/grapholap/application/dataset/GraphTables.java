package io.grapholap.application.dataset;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working copy of one dataset version: the previous version's tables, then the upserts applied
 * in order, then written out as a new snapshot. A vertex is identified by label and key, an edge by
 * type and its two endpoint keys; an upsert of an existing one overwrites the attributes it names and
 * keeps the others. Edges to vertices not present create those vertices with no attributes. At most
 * {@code maxRows} vertices plus edges, {@link #MAX_COLUMNS} attributes per label or type.
 */
final class GraphTables {

    static final int MAX_COLUMNS = 256;
    /** Key column names of tables created by a JSON upsert. */
    static final String VERTEX_KEY = "v_id";
    static final String FROM_KEY = "from_id";
    static final String TO_KEY = "to_id";

    /** A typed value; {@code type} is null only for a null value. */
    record Value(ValueType type, Object value) {
        static final Value NULL = new Value(null, null);
    }

    private final long maxRows;
    private final Map<String, NodeTable> nodes = new LinkedHashMap<>();
    private final Map<String, EdgeTable> edges = new LinkedHashMap<>();
    private long rows;

    private GraphTables(long maxRows) {
        this.maxRows = maxRows;
    }

    static GraphTables empty(long maxRows) {
        return new GraphTables(maxRows);
    }

    /** A working copy of a stored version (its edge keys take the key type of their labels). */
    static GraphTables of(StoredGraph stored, long maxRows) {
        GraphTables tables = new GraphTables(maxRows);
        for (StoredGraph.Nodes n : stored.nodes()) {
            NodeTable t = new NodeTable(n.label(), n.key().name(), n.key().type());
            n.properties().forEach(p -> t.columns.add(p.name(), p.type()));
            for (Object[] row : n.rows()) {
                t.rows.put(row[0], Arrays.copyOfRange(row, 1, row.length));
            }
            tables.nodes.put(n.label(), t);
            tables.rows += n.rows().size();
        }
        for (StoredGraph.Edges e : stored.edges()) {
            EdgeTable t = new EdgeTable(e.type(), e.fromLabel(), e.toLabel(), e.fromKey().name(), e.toKey().name());
            e.properties().forEach(p -> t.columns.add(p.name(), p.type()));
            ValueType fromType = tables.nodes.get(e.fromLabel()).keyType;
            ValueType toType = tables.nodes.get(e.toLabel()).keyType;
            for (Object[] row : e.rows()) {
                Object from = e.fromKey().type() == fromType ? row[0] : DatasetValues.convert(row[0], e.fromKey().type(), fromType, true);
                Object to = e.toKey().type() == toType ? row[1] : DatasetValues.convert(row[1], e.toKey().type(), toType, true);
                t.rows.put(List.of(from, to), Arrays.copyOfRange(row, 2, row.length));
            }
            tables.edges.put(e.type(), t);
            tables.rows += e.rows().size();
        }
        return tables;
    }

    /**
     * Inserts or updates a vertex. A new label takes {@code keyName} and the key's type; for an
     * existing label the key is converted to the label's key type.
     */
    void upsertVertex(String label, String keyName, Value key, Map<String, Value> attributes) {
        DatasetValues.requireName("label", label);
        NodeTable t = node(label, keyName, key.type());
        Object k = t.key(key);
        Object[] row = t.rows.get(k);
        if (row == null) {
            count();
        }
        t.rows.put(k, t.columns.apply(label, row, attributes, t, List.of(t.keyName)));
    }

    void apply(GraphChanges changes) {
        for (GraphChanges.Vertex v : changes.vertices()) {
            upsertVertex(v.label(), v.keyName(), v.key(), v.attributes());
        }
        for (GraphChanges.Edge e : changes.edges()) {
            upsertEdge(e.type(), e.fromLabel(), e.toLabel(), e.fromKeyName(), e.toKeyName(), e.from(), e.to(), e.attributes());
        }
    }

    /** Inserts or updates an edge between two vertices, creating missing endpoints. */
    void upsertEdge(String type, String fromLabel, String toLabel, String fromKeyName, String toKeyName, Value fromKey,
                    Value toKey, Map<String, Value> attributes) {
        DatasetValues.requireName("edge type", type);
        EdgeTable t = edges.get(type);
        if (t != null && (!t.fromLabel.equals(fromLabel) || !t.toLabel.equals(toLabel))) {
            throw new ValidationException(type, "edge type " + type + " goes from " + t.fromLabel + " to " + t.toLabel
                    + "; it cannot also go from " + fromLabel + " to " + toLabel);
        }
        NodeTable from = endpoint(fromLabel, fromKey);
        NodeTable to = endpoint(toLabel, toKey);
        if (t == null) {
            t = new EdgeTable(type, fromLabel, toLabel, fromKeyName, toKeyName);
            edges.put(type, t);
        }
        List<Object> k = List.of(from.key(fromKey), to.key(toKey));
        Object[] row = t.rows.get(k);
        if (row == null) {
            count();
        }
        t.rows.put(k, t.columns.apply(type, row, attributes, t, List.of(t.fromKeyName, t.toKeyName)));
    }

    /** The label of an edge endpoint; a label first seen here gets the key column {@value #VERTEX_KEY}. */
    private NodeTable endpoint(String label, Value key) {
        DatasetValues.requireName("label", label);
        NodeTable t = node(label, VERTEX_KEY, key.type());
        Object k = t.key(key);
        if (!t.rows.containsKey(k)) {
            count();
            t.rows.put(k, new Object[0]);
        }
        return t;
    }

    private NodeTable node(String label, String keyName, ValueType keyType) {
        NodeTable t = nodes.get(label);
        if (t == null) {
            t = new NodeTable(label, keyName, keyType);
            nodes.put(label, t);
        }
        return t;
    }

    private void count() {
        if (++rows > maxRows) {
            throw new ValidationException("dataset", "a dataset version holds at most " + maxRows
                    + " vertices and edges together; this upload would exceed that", Map.of("max_rows", maxRows));
        }
    }

    Map<String, Long> nodeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        nodes.forEach((label, t) -> counts.put(label, (long) t.rows.size()));
        return counts;
    }

    Map<String, Long> edgeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        edges.forEach((type, t) -> counts.put(type, (long) t.rows.size()));
        return counts;
    }

    /** Writes every node table, then every edge table, and publishes the snapshot. */
    SnapshotSummary writeTo(SnapshotWriter writer) {
        for (NodeTable t : nodes.values()) {
            try (TableWriter w = writer.beginNodes(t.label, ColumnSpec.of(t.keyName, t.keyType), t.columns.specs())) {
                int width = t.columns.size();
                for (Map.Entry<Object, Object[]> e : t.rows.entrySet()) {
                    Object[] row = new Object[1 + width];
                    row[0] = e.getKey();
                    System.arraycopy(e.getValue(), 0, row, 1, e.getValue().length);
                    w.append(row);
                }
            }
        }
        for (EdgeTable t : edges.values()) {
            ColumnSpec from = ColumnSpec.of(t.fromKeyName, nodes.get(t.fromLabel).keyType);
            ColumnSpec to = ColumnSpec.of(t.toKeyName, nodes.get(t.toLabel).keyType);
            try (TableWriter w = writer.beginEdges(t.type, t.fromLabel, t.toLabel, from, to, t.columns.specs())) {
                int width = t.columns.size();
                for (Map.Entry<List<Object>, Object[]> e : t.rows.entrySet()) {
                    Object[] row = new Object[2 + width];
                    row[0] = e.getKey().get(0);
                    row[1] = e.getKey().get(1);
                    System.arraycopy(e.getValue(), 0, row, 2, e.getValue().length);
                    w.append(row);
                }
            }
        }
        return writer.finish();
    }

    /** Something whose rows hold values of a column that may widen from INT64 to DOUBLE. */
    private interface Widenable {
        void widen(int column);
    }

    private static final class NodeTable implements Widenable {
        final String label;
        final String keyName;
        final ValueType keyType;
        final Columns columns = new Columns();
        final LinkedHashMap<Object, Object[]> rows = new LinkedHashMap<>();

        NodeTable(String label, String keyName, ValueType keyType) {
            this.label = label;
            this.keyName = keyName;
            this.keyType = keyType;
        }

        Object key(Value key) {
            if (key.value() == null) {
                throw new ValidationException(label + "." + keyName, "vertex key of " + label + " must not be null");
            }
            Object k = DatasetValues.convert(key.value(), key.type(), keyType, true);
            if (k == null) {
                throw DatasetValues.clash(label + "." + keyName, keyType, key.type(), key.value());
            }
            return k;
        }

        @Override
        public void widen(int column) {
            rows.values().forEach(r -> Columns.widen(r, column));
        }
    }

    private static final class EdgeTable implements Widenable {
        final String type;
        final String fromLabel;
        final String toLabel;
        final String fromKeyName;
        final String toKeyName;
        final Columns columns = new Columns();
        final LinkedHashMap<List<Object>, Object[]> rows = new LinkedHashMap<>();

        EdgeTable(String type, String fromLabel, String toLabel, String fromKeyName, String toKeyName) {
            this.type = type;
            this.fromLabel = fromLabel;
            this.toLabel = toLabel;
            this.fromKeyName = fromKeyName;
            this.toKeyName = toKeyName;
        }

        @Override
        public void widen(int column) {
            rows.values().forEach(r -> Columns.widen(r, column));
        }
    }

    /** The attribute columns of one table; a row is an array no longer than the column list (missing = null). */
    private static final class Columns {
        final List<String> names = new ArrayList<>();
        final List<ValueType> types = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        int size() {
            return names.size();
        }

        int add(String name, ValueType type) {
            names.add(name);
            types.add(type);
            index.put(name, names.size() - 1);
            return names.size() - 1;
        }

        List<ColumnSpec> specs() {
            List<ColumnSpec> specs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                specs.add(ColumnSpec.of(names.get(i), types.get(i)));
            }
            return specs;
        }

        /** The row with {@code attributes} applied, widened to every column. */
        Object[] apply(String owner, Object[] row, Map<String, Value> attributes, Widenable table, List<String> keyNames) {
            Object[] out = row == null ? new Object[0] : row;
            for (Map.Entry<String, Value> a : attributes.entrySet()) {
                String name = a.getKey();
                String field = owner + "." + name;
                DatasetValues.requireName(field, name);
                if (keyNames.contains(name)) {
                    throw new ValidationException(field, field + " has the name of the key column; choose another attribute name");
                }
                Value v = a.getValue();
                Integer at = index.get(name);
                if (at == null) {
                    if (v.value() == null) {
                        continue;
                    }
                    if (size() >= MAX_COLUMNS) {
                        throw new ValidationException(field, owner + " would have more than " + MAX_COLUMNS + " attributes");
                    }
                    at = add(name, v.type());
                }
                Object value = v.value();
                ValueType column = types.get(at);
                if (value != null && v.type() != column) {
                    Object converted = DatasetValues.convert(value, v.type(), column, false);
                    if (converted == null && column == ValueType.INT64 && v.type() == ValueType.DOUBLE) {
                        types.set(at, ValueType.DOUBLE);
                        table.widen(at);
                        Columns.widen(out, at);
                        converted = value;
                    }
                    if (converted == null) {
                        throw DatasetValues.clash(field, column, v.type(), value);
                    }
                    value = converted;
                }
                if (out.length <= at) {
                    out = Arrays.copyOf(out, at + 1);
                }
                out[at] = value;
            }
            return out;
        }

        static void widen(Object[] row, int column) {
            if (row.length > column && row[column] instanceof Long l) {
                row[column] = l.doubleValue();
            }
        }
    }
}
