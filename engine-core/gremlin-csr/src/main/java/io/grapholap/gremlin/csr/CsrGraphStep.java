package io.grapholap.gremlin.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.VertexLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import java.util.Collection;
import org.apache.tinkerpop.gremlin.process.traversal.Compare;
import org.apache.tinkerpop.gremlin.process.traversal.Contains;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.step.HasContainerHolder;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.GraphStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.HasContainer;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;
import org.apache.tinkerpop.gremlin.util.iterator.IteratorUtils;

/**
 * {@code V()}/{@code E()} with the {@code has(...)} filters that followed it folded in. Vertex
 * filters are answered from the columns: label filters pick whole label ranges (each label owns a
 * contiguous dense id range), id filters use the key index, {@code eq} and small {@code within}
 * property filters on INT32/INT64/FLOAT64/STRING columns read candidate rows from the graph's lazily
 * built equality index ({@link EqualityIndex}), other property filters scan the column with
 * primitive comparisons for equality on numbers and strings. No element object is made
 * for a vertex that does not match.
 */
final class CsrGraphStep<S, E extends Element> extends GraphStep<S, E> implements HasContainerHolder {

    private final List<HasContainer> hasContainers = new ArrayList<>();

    @SuppressWarnings("unchecked")
    CsrGraphStep(GraphStep<S, E> original) {
        super(original.getTraversal(), original.getReturnClass(), original.isStartStep(), original.getIds());
        original.getLabels().forEach(this::addLabel);
        setIteratorSupplier(() -> (Iterator<E>) (returnsVertex() ? vertices() : edges()));
    }

    @Override
    public List<HasContainer> getHasContainers() {
        return Collections.unmodifiableList(hasContainers);
    }

    @Override
    public void addHasContainer(HasContainer hasContainer) {
        hasContainers.add(hasContainer);
    }

    @Override
    public String toString() {
        return hasContainers.isEmpty() ? super.toString()
                : StringFactory.stepString(this, returnClass.getSimpleName().toLowerCase(), java.util.Arrays.toString(ids),
                hasContainers);
    }

    @Override
    public int hashCode() {
        return super.hashCode() ^ hasContainers.hashCode();
    }

    private CsrGremlinGraph graph() {
        return (CsrGremlinGraph) getTraversal().getGraph().orElseThrow();
    }

    // ---- vertices ----

    private Iterator<Vertex> vertices() {
        CsrGremlinGraph graph = graph();
        if (ids != null && ids.length > 0) {
            return IteratorUtils.filter(graph.vertices(ids), v -> HasContainer.testAll(v, hasContainers));
        }
        VertexMatcher matcher = new VertexMatcher(graph, hasContainers);
        return new Iterator<>() {
            private int label = -1;
            private int local;
            private int end;
            private int base;
            private int[] rows;
            private int next = advance();

            private int advance() {
                while (true) {
                    while (local < end) {
                        int l = rows == null ? local++ : rows[local++];
                        if ((l & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                            throw new TraversalInterruptedException();
                        }
                        if (matcher.test(label, l)) {
                            return base + l;
                        }
                    }
                    if (!nextLabel()) {
                        return -1;
                    }
                }
            }

            private boolean nextLabel() {
                while (++label < graph.labelCount()) {
                    if (matcher.labelMatches(label)) {
                        VertexLabel l = graph.label(label);
                        base = l.start();
                        local = 0;
                        rows = matcher.candidates(label);
                        end = rows == null ? l.count() : rows.length;
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Vertex next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                Vertex v = new CsrVertex(graph, next);
                next = advance();
                return v;
            }
        };
    }

    /**
     * The matching start vertices as per-vertex weights (1 for a match), for the count push-down.
     * Returns {@code null} when the step has explicit ids and no vertex matched.
     */
    long[] vertexWeights() {
        CsrGremlinGraph graph = graph();
        long[] weights = new long[graph.vertexCount()];
        if (ids != null && ids.length > 0) {
            vertices().forEachRemaining(v -> weights[((CsrVertex) v).denseId()]++);
            return weights;
        }
        VertexMatcher matcher = new VertexMatcher(graph, hasContainers);
        for (int label = 0; label < graph.labelCount(); label++) {
            if (!matcher.labelMatches(label)) {
                continue;
            }
            VertexLabel l = graph.label(label);
            int[] rows = matcher.candidates(label);
            int end = rows == null ? l.count() : rows.length;
            for (int i = 0; i < end; i++) {
                if ((i & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new TraversalInterruptedException();
                }
                int local = rows == null ? i : rows[i];
                if (matcher.test(label, local)) {
                    weights[l.start() + local] = 1;
                }
            }
        }
        return weights;
    }

    /** Number of elements this step emits, counted without making element objects where possible. */
    long count() {
        CsrGremlinGraph graph = graph();
        if (ids != null && ids.length > 0) {
            return IteratorUtils.count(returnsVertex() ? vertices() : edges());
        }
        if (returnsEdge()) {
            return countEdges(graph);
        }
        VertexMatcher matcher = new VertexMatcher(graph, hasContainers);
        long count = 0;
        for (int label = 0; label < graph.labelCount(); label++) {
            if (!matcher.labelMatches(label)) {
                continue;
            }
            VertexLabel l = graph.label(label);
            if (matcher.labelOnly()) {
                count += l.count();
                continue;
            }
            int[] rows = matcher.candidates(label);
            int end = rows == null ? l.count() : rows.length;
            for (int i = 0; i < end; i++) {
                if ((i & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new TraversalInterruptedException();
                }
                if (matcher.test(label, rows == null ? i : rows[i])) {
                    count++;
                }
            }
        }
        return count;
    }

    private long countEdges(CsrGremlinGraph graph) {
        boolean labelOnly = true;
        boolean[] typeMask = typeMask(graph);
        for (HasContainer c : hasContainers) {
            labelOnly &= T.label.getAccessor().equals(c.getKey());
        }
        if (!labelOnly) {
            return IteratorUtils.count(edges());
        }
        CsrGraph csr = graph.csr();
        long count = 0;
        for (EdgeType t : csr.edgeTypes()) {
            if (typeMask == null || typeMask[t.code()]) {
                count += csr.edgeTypes().size() == 1 ? csr.edgeCount() : t.count();
            }
        }
        return count;
    }

    // ---- edges ----

    private boolean[] typeMask(CsrGremlinGraph graph) {
        boolean[] mask = null;
        for (HasContainer c : hasContainers) {
            if (T.label.getAccessor().equals(c.getKey())) {
                if (mask == null) {
                    mask = new boolean[graph.edgeTypeCount()];
                    java.util.Arrays.fill(mask, true);
                }
                for (int t = 0; t < mask.length; t++) {
                    mask[t] &= matches(c, graph.edgeTypeName(t));
                }
            }
        }
        return mask;
    }

    private Iterator<Edge> edges() {
        CsrGremlinGraph graph = graph();
        if (ids != null && ids.length > 0) {
            return IteratorUtils.filter(graph.edges(ids), e -> HasContainer.testAll(e, hasContainers));
        }
        boolean[] mask = typeMask(graph);
        Iterator<Edge> all = graph.edges();
        if (mask == null && hasContainers.isEmpty()) {
            return all;
        }
        return IteratorUtils.filter(all, e -> (mask == null || mask[((CsrEdge) e).typeCode()])
                && HasContainer.testAll(e, hasContainers));
    }

    /**
     * Tests vertices against the folded filters by label code and local row, reading the columns
     * directly.
     */
    static final class VertexMatcher {
        /** {@code within} with more values than this scans instead of looking each value up. */
        static final int MAX_WITHIN_LOOKUPS = 64;
        private final CsrGremlinGraph graph;
        private final boolean[] labelMask;
        private final List<HasContainer> idFilters = new ArrayList<>();
        private final List<HasContainer> propertyFilters = new ArrayList<>();
        private final LocalTest[][] tests;

        VertexMatcher(CsrGremlinGraph graph, List<HasContainer> containers) {
            this.graph = graph;
            labelMask = new boolean[graph.labelCount()];
            java.util.Arrays.fill(labelMask, true);
            for (HasContainer c : containers) {
                if (T.label.getAccessor().equals(c.getKey())) {
                    for (int l = 0; l < labelMask.length; l++) {
                        labelMask[l] &= matches(c, graph.labelName(l));
                    }
                } else if (T.id.getAccessor().equals(c.getKey())) {
                    idFilters.add(c);
                } else {
                    propertyFilters.add(c);
                }
            }
            tests = new LocalTest[labelMask.length][];
            for (int l = 0; l < labelMask.length; l++) {
                if (!labelMask[l]) {
                    continue;
                }
                tests[l] = new LocalTest[propertyFilters.size()];
                for (int i = 0; i < propertyFilters.size(); i++) {
                    HasContainer c = propertyFilters.get(i);
                    int column = graph.vertexColumn(c.getKey());
                    tests[l][i] = compile(column < 0 ? null : graph.vertexColumn(l, column), c.getPredicate());
                    if (tests[l][i] == null) {
                        labelMask[l] = false;
                    }
                }
            }
        }

        boolean labelMatches(int label) {
            return labelMask[label];
        }

        /**
         * Ascending local rows of {@code label} that may match, from the equality index of the first
         * {@code eq}/{@code within} property filter that has one; {@code null} means scan the label.
         * Every candidate is still checked with {@link #test}.
         */
        int[] candidates(int label) {
            for (HasContainer c : propertyFilters) {
                if (c.getPredicate().getClass() != P.class) {
                    continue;
                }
                P<?> p = c.getPredicate();
                Object value = p.getValue();
                int column = graph.vertexColumn(c.getKey());
                if (column < 0) {
                    continue;
                }
                if (p.getBiPredicate() == Compare.eq && value != null) {
                    int[] rows = graph.equalityRows(label, column, value);
                    if (rows != null) {
                        return rows;
                    }
                } else if (p.getBiPredicate() == Contains.within && value instanceof Collection<?> values
                        && values.size() <= MAX_WITHIN_LOOKUPS) {
                    int[] rows = withinRows(label, column, values);
                    if (rows != null) {
                        return rows;
                    }
                }
            }
            return null;
        }

        private int[] withinRows(int label, int column, Collection<?> values) {
            int[][] parts = new int[values.size()][];
            int total = 0;
            int i = 0;
            for (Object v : values) {
                int[] rows = v == null ? null : graph.equalityRows(label, column, v);
                if (rows == null) {
                    return null;
                }
                parts[i++] = rows;
                total += rows.length;
            }
            if (parts.length == 1) {
                return parts[0];
            }
            int[] all = new int[total];
            int at = 0;
            for (int[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            java.util.Arrays.sort(all);
            int distinct = 0;
            for (int j = 0; j < all.length; j++) {
                if (j == 0 || all[j] != all[j - 1]) {
                    all[distinct++] = all[j];
                }
            }
            return distinct == all.length ? all : java.util.Arrays.copyOf(all, distinct);
        }

        boolean labelOnly() {
            return idFilters.isEmpty() && propertyFilters.isEmpty();
        }

        boolean test(int label, int local) {
            for (LocalTest t : tests[label]) {
                if (!t.test(local)) {
                    return false;
                }
            }
            if (!idFilters.isEmpty()) {
                String id = graph.vertexIdentity(graph.labelStart(label) + local);
                for (HasContainer c : idFilters) {
                    if (!matches(c, id)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean matches(HasContainer container, Object value) {
        return ((P) container.getPredicate()).test(value);
    }

    /** A filter on one column row; {@code compile} returns {@code null} when no row can match. */
    interface LocalTest {
        boolean test(int local);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static LocalTest compile(Column column, P predicate) {
        if (column == null) {
            return null;
        }
        Object value = predicate.getValue();
        if (predicate.getBiPredicate() == Compare.eq && value != null) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                boolean integral = d == Math.rint(d) && !Double.isInfinite(d);
                long l = value instanceof Double || value instanceof Float ? (long) d : ((Number) value).longValue();
                switch (column) {
                    case Column.Int32 c when c.type() == ValueType.INT32 -> {
                        if (!integral || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                            return null;
                        }
                        int target = (int) l;
                        int[] values = c.values();
                        return c.nulls() == null ? local -> values[local] == target
                                : local -> values[local] == target && !c.isNull(local);
                    }
                    case Column.Int64 c when c.type() == ValueType.INT64 -> {
                        if (!integral) {
                            return null;
                        }
                        long[] values = c.values();
                        return c.nulls() == null ? local -> values[local] == l
                                : local -> values[local] == l && !c.isNull(local);
                    }
                    case Column.Float64 c -> {
                        double[] values = c.values();
                        return local -> values[local] == d && !c.isNull(local);
                    }
                    default -> { }
                }
            } else if (value instanceof String s && column instanceof Column.Boxed c && c.type() == ValueType.STRING) {
                Object[] values = c.values();
                return local -> s.equals(values[local]);
            }
        }
        ValueType type = column.type();
        if (type == ValueType.LIST) {
            return local -> {
                Object v = column.get(local);
                if (v instanceof List<?> list) {
                    for (Object element : list) {
                        if (element != null && predicate.test(element)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        return local -> {
            Object v = column.get(local);
            return v != null && predicate.test(CsrGremlinGraph.toGremlin(type, v));
        };
    }
}
