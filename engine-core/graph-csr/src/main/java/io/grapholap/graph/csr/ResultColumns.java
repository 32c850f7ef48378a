package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.VertexRef;
import io.grapholap.domain.error.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * How every engine names vertices to and from the caller (docs/identity.md): source vertices named by
 * identity, {@code {"label", "key"}} or an unambiguous key; result rows that start with the columns
 * {@code id}, {@code label} and {@code key}; and component or community labels chosen the same way
 * whichever engine computed them (so CPU and GPU results compare equal).
 */
public final class ResultColumns {

    private ResultColumns() {
    }

    /**
     * The dense id of the vertex {@code ref} names, or a validation error naming {@code param}: no such
     * vertex, or a key that several labels hold (listed in the error's {@code labels} detail).
     */
    public static int vertex(CsrGraph graph, String param, Object ref) {
        CsrGraph.Found found = graph.find(ref);
        if (found.isAmbiguous()) {
            throw ambiguous(param, "parameter '" + param + "'", ref, found.ambiguous());
        }
        if (found.vertex() < 0) {
            throw new ValidationException(param, "parameter '" + param + "': no vertex with key '" + ref + "'");
        }
        return found.vertex();
    }

    /** The error for a reference {@code ref} that vertices of several {@code labels} hold. */
    public static ValidationException ambiguous(String field, String what, Object ref, List<String> labels) {
        Object key = ref instanceof String s ? "\"" + s + "\"" : ref;
        return new ValidationException(field, what + ": key " + key + " is held by vertices of " + labels.size()
                + " labels " + labels + "; name one as \"" + VertexRef.identity(labels.getFirst(), ref)
                + "\" or {\"label\": \"" + labels.getFirst() + "\", \"key\": " + key + "}",
                Map.of("labels", labels));
    }

    /** Appends the vertex columns ({@code id}, {@code label}, {@code key}) and one value column, a row per vertex. */
    public static void perVertex(CsrGraph graph, List<String> names, List<Column> columns, String valueName,
                                  Column values) {
        vertexColumns(graph, names, columns, null);
        names.add(valueName);
        columns.add(values);
    }

    /**
     * Appends the vertex columns {@code id}, {@code label} and {@code key} for rows naming the vertices
     * {@code ids} in order, or every vertex in dense-id order when {@code ids} is {@code null}.
     */
    public static void vertexColumns(CsrGraph graph, List<String> names, List<Column> columns, int[] ids) {
        names.add("id");
        names.add("label");
        names.add("key");
        if (ids == null) {
            columns.add(graph.identityColumn());
            columns.add(graph.labelColumn());
            columns.add(graph.keyColumn());
        } else {
            columns.add(new Column.OfVertices(graph::vertexIdentity, ids, ids.length));
            columns.add(new Column.OfVertices(graph::vertexLabelName, ids, ids.length));
            columns.add(gather(graph.keyColumn(), ids));
        }
    }

    /** The keys as longs when every key is an integer, otherwise {@code null}. */
    public static long[] numericKeys(CsrGraph graph) {
        if (graph.hasIdentityKeys()) {
            return null;
        }
        Column keys = graph.keyColumn();
        if (keys instanceof Column.Int64 l && l.nulls() == null) {
            return l.values();
        }
        if (keys instanceof Column.Int32 i && i.nulls() == null) {
            long[] out = new long[i.values().length];
            for (int v = 0; v < out.length; v++) {
                out[v] = i.values()[v];
            }
            return out;
        }
        return null;
    }

    /**
     * Component labels as keys: with integer keys the smallest key in the component, otherwise the key
     * of the component's smallest dense id (the union-find root).
     */
    public static Column smallestKeyLabels(CsrGraph graph, int[] roots) {
        long[] keys = numericKeys(graph);
        int n = roots.length;
        if (keys == null) {
            if (graph.hasIdentityKeys()) {
                long[] out = new long[n];
                for (int v = 0; v < n; v++) {
                    out[v] = roots[v];
                }
                return Column.ofLongs(out);
            }
            return gather(graph.keyColumn(), roots);
        }
        long[] min = new long[n];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (int v = 0; v < n; v++) {
            int r = roots[v];
            if (keys[v] < min[r]) {
                min[r] = keys[v];
            }
        }
        long[] out = new long[n];
        for (int v = 0; v < n; v++) {
            out[v] = min[roots[v]];
        }
        return Column.ofLongs(out);
    }

    /** Rows {@code ids} of {@code keys}, in that order. */
    public static Column gather(Column keys, int[] ids) {
        return switch (keys) {
            case Column.Int64 l -> {
                long[] out = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = l.values()[ids[i]];
                }
                yield new Column.Int64(l.type(), out, null);
            }
            case Column.Int32 in -> {
                int[] out = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = in.values()[ids[i]];
                }
                yield new Column.Int32(in.type(), out, null);
            }
            default -> {
                Object[] out = new Object[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = keys.get(ids[i]);
                }
                yield Column.ofObjects(keys.type() == ValueType.LIST ? ValueType.STRING : keys.type(), out);
            }
        };
    }
}
