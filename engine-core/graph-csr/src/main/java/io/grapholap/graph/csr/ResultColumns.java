package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.util.List;

/**
 * How every engine turns dense vertex ids back into the caller's keys: source vertices named by key,
 * per-vertex result columns keyed by the original keys, and component or community labels chosen
 * the same way whichever engine computed them (so CPU and GPU results compare equal).
 */
public final class ResultColumns {

    private ResultColumns() {
    }

    /** The dense id of the vertex with {@code key}, or a validation error naming {@code param}. */
    public static int vertex(CsrGraph graph, String param, Object key) {
        int id = graph.vertexId(key);
        if (id < 0) {
            throw new ValidationException(param, "parameter '" + param + "': no vertex with key '" + key + "'");
        }
        return id;
    }

    /** Appends the key column and one value column. */
    public static void perVertex(CsrGraph graph, List<String> names, List<Column> columns, String valueName,
                                  Column values) {
        names.add("id");
        columns.add(graph.keyColumn());
        names.add(valueName);
        columns.add(values);
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
