package io.grapholap.application.graph.snapshot;

import java.util.List;

/** The tables of a snapshot read back into memory, in manifest order; see {@link SnapshotReader}. */
public record StoredGraph(List<Nodes> nodes, List<Edges> edges) {

    public StoredGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** One node table: key column, property columns, rows (key first, then properties). */
    public record Nodes(String label, ColumnSpec key, List<ColumnSpec> properties, List<Object[]> rows) {
        public Nodes {
            properties = List.copyOf(properties);
        }
    }

    /** One edge table: endpoint labels and key columns, properties, rows (from key, to key, then properties). */
    public record Edges(String type, String fromLabel, String toLabel, ColumnSpec fromKey, ColumnSpec toKey,
                       List<ColumnSpec> properties, List<Object[]> rows) {
        public Edges {
            properties = List.copyOf(properties);
        }
    }
}
