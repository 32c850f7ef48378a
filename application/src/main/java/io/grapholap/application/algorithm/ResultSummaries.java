package io.grapholap.application.algorithm;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongPredicate;

/**
 * What an execution keeps of a result: the first rows (mode stream, truncated at the row limit) or a
 * summary of the value column (mode stats).
 */
final class ResultSummaries {

    private ResultSummaries() {
    }

    /** The first {@code maxRows} rows of {@code r} (copied, so the full result can be freed) and its figures. */
    static ExecutionResult head(AlgorithmResult r, int maxRows) {
        int n = (int) Math.min(r.rowCount(), maxRows);
        List<Column> head = new ArrayList<>(r.data().size());
        for (Column c : r.data()) {
            head.add(head(c, n));
        }
        return new ExecutionResult(r.engine(), r.columns(), head, r.rowCount(), r.rowCount() > n, r.stats(), null, 0);
    }

    /** The first {@code n} rows of {@code c}, copied so the full result (and the graph it names) can be freed. */
    private static Column head(Column c, int n) {
        return switch (c) {
            case Column.Int64 l -> new Column.Int64(l.type(), Arrays.copyOf(l.values(), n), head(l.nulls(), n));
            case Column.Int32 i -> new Column.Int32(i.type(), Arrays.copyOf(i.values(), n), head(i.nulls(), n));
            case Column.Float64 d -> new Column.Float64(Arrays.copyOf(d.values(), n), head(d.nulls(), n));
            case Column.Float32 f -> new Column.Float32(Arrays.copyOf(f.values(), n), head(f.nulls(), n));
            case Column.Bool b -> new Column.Bool(b.values().get(0, n), n, head(b.nulls(), n));
            case Column.Boxed o -> new Column.Boxed(o.type(), Arrays.copyOf(o.values(), n));
            case Column.OfVertices v -> v.materialize(0, n);
        };
    }

    private static BitSet head(BitSet nulls, int n) {
        return nulls == null ? null : nulls.get(0, n);
    }

    /**
     * Summary of a numeric value column: {@code count} (rows), then over the reachable non-null
     * values {@code min}, {@code max}, {@code mean}, {@code stddev}, {@code p50}, {@code p90},
     * {@code p99}, {@code distinct_count} (integer columns), {@code null_count} and
     * {@code unreachable_count} (BFS's sentinel depth, infinite distances); then the algorithm's own
     * figures (for example {@code modularity}, {@code iterations}).
     */
    static Map<String, Object> summary(AlgorithmResult r, String valueColumn) {
        Column c = r.column(valueColumn);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", (long) c.size());
        Skipped skipped = switch (c) {
            case Column.Int64 l -> integralColumn(out, c, i -> l.values()[i], v -> v == BfsParams.UNREACHABLE);
            case Column.Int32 i32 -> integralColumn(out, c, i -> i32.values()[i], v -> false);
            case Column.Float64 d -> decimalColumn(out, c, i -> d.values()[i]);
            case Column.Float32 f -> decimalColumn(out, c, i -> f.values()[i]);
            default -> throw new ValidationException("mode", "mode stats needs a numeric result column; "
                    + r.algorithm() + " gives " + c.type());
        };
        out.put("null_count", (long) skipped.nulls());
        out.put("unreachable_count", (long) skipped.unreachable());
        r.stats().forEach(out::putIfAbsent);
        return out;
    }

    /** Rows a summary leaves out: null ones and unreachable ones (BFS's sentinel, infinite distances). */
    private record Skipped(int nulls, int unreachable) {
    }

    private static Skipped integralColumn(Map<String, Object> out, Column c, IntToLongFunction value,
                                          LongPredicate unreachableValue) {
        long[] kept = new long[c.size()];
        int n = 0;
        int nulls = 0;
        int unreachable = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isNull(i)) {
                nulls++;
                continue;
            }
            long v = value.applyAsLong(i);
            if (unreachableValue.test(v)) {
                unreachable++;
            } else {
                kept[n++] = v;
            }
        }
        integral(out, Arrays.copyOf(kept, n));
        return new Skipped(nulls, unreachable);
    }

    private static Skipped decimalColumn(Map<String, Object> out, Column c, IntToDoubleFunction value) {
        double[] kept = new double[c.size()];
        int n = 0;
        int nulls = 0;
        int unreachable = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isNull(i)) {
                nulls++;
                continue;
            }
            double v = value.applyAsDouble(i);
            if (Double.isFinite(v)) {
                kept[n++] = v;
            } else {
                unreachable++;
            }
        }
        decimal(out, Arrays.copyOf(kept, n));
        return new Skipped(nulls, unreachable);
    }

    private static void integral(Map<String, Object> out, long[] sorted) {
        Arrays.sort(sorted);
        if (summary(out, sorted.length, i -> sorted[i], i -> sorted[i])) {
            long distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            out.put("distinct_count", distinct);
        }
    }

    private static void decimal(Map<String, Object> out, double[] sorted) {
        Arrays.sort(sorted);
        summary(out, sorted.length, i -> sorted[i], i -> sorted[i]);
    }

    /**
     * min, max, mean, stddev and nearest-rank percentiles of {@code n} sorted values, each reported in
     * the column's own type ({@code boxed}); false, and nothing put, when there are none.
     */
    private static boolean summary(Map<String, Object> out, int n, IntToDoubleFunction value, IntFunction<Object> boxed) {
        if (n == 0) {
            return false;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value.applyAsDouble(i);
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = value.applyAsDouble(i) - mean;
            squares += d * d;
        }
        out.put("min", boxed.apply(0));
        out.put("max", boxed.apply(n - 1));
        out.put("mean", mean);
        out.put("stddev", Math.sqrt(squares / n));
        out.put("p50", boxed.apply(rank(n, 0.50)));
        out.put("p90", boxed.apply(rank(n, 0.90)));
        out.put("p99", boxed.apply(rank(n, 0.99)));
        return true;
    }

    /** Nearest-rank percentile index into {@code n} sorted values. */
    private static int rank(int n, double p) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }
}
