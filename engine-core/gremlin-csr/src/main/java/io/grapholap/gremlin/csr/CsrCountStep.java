package io.grapholap.gremlin.csr;

import io.grapholap.graph.csr.CsrGraph;
import java.util.List;

import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.Traverser;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.AbstractStep;
import org.apache.tinkerpop.gremlin.process.traversal.util.FastNoSuchElementException;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * Emits one {@code Long}: the number of traversers that {@code start} followed by {@code hops} would
 * produce. Hops are computed as per-vertex path counts (a long per vertex), pulled over the in- or
 * out-arrays so each hop is one pass over the arcs; the last hop only sums count × degree.
 */
final class CsrCountStep<S> extends AbstractStep<S, Long> {

    /** One adjacency step: a direction and optional edge labels (none means every type). */
    record Hop(Direction direction, String[] edgeLabels) {
    }

    private final CsrGraphStep<?, ?> start;
    private final List<Hop> hops;
    private boolean done;

    CsrCountStep(Traversal.Admin<?, ?> traversal, CsrGraphStep<?, ?> start, List<Hop> hops) {
        super(traversal);
        this.start = start;
        this.hops = List.copyOf(hops);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Traverser.Admin<Long> processNextStart() {
        if (done) {
            throw FastNoSuchElementException.instance();
        }
        done = true;
        long count = hops.isEmpty() ? start.count() : countPaths();
        return getTraversal().getTraverserGenerator().generate(count, (Step) this, 1L);
    }

    @Override
    public void reset() {
        super.reset();
        done = false;
    }

    @Override
    public String toString() {
        return StringFactory.stepString(this, start, hops.stream().map(h -> h.direction() + java.util.Arrays.toString(h.edgeLabels())).toList());
    }

    private long countPaths() {
        CsrGremlinGraph graph = (CsrGremlinGraph) getTraversal().getGraph().orElseThrow();
        CsrGraph csr = graph.csr();
        long[] weights = start.vertexWeights();
        for (int h = 0; h < hops.size() - 1; h++) {
            Hop hop = hops.get(h);
            weights = propagate(csr, weights, hop.direction(), graph.edgeTypeFilter(hop.edgeLabels()));
        }
        Hop last = hops.get(hops.size() - 1);
        return weightedDegrees(csr, weights, last.direction(), graph.edgeTypeFilter(last.edgeLabels()));
    }

    private static void checkInterrupt(int v) {
        if ((v & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new TraversalInterruptedException();
        }
    }

    /** next[u] = Σ weights[s] over the hop's arcs s → u, pulled per target. */
    static long[] propagate(CsrGraph csr, long[] weights, Direction direction, boolean[] types) {
        int n = csr.vertexCount();
        long[] next = new long[n];
        boolean directed = csr.isDirected();
        if (direction != Direction.IN) {
            int[] offsets = csr.inOffsets();
            int[] sources = csr.inSources();
            byte[] codes = csr.inEdgeTypeCodes();
            for (int u = 0; u < n; u++) {
                checkInterrupt(u);
                long sum = 0;
                for (int a = offsets[u], end = offsets[u + 1]; a < end; a++) {
                    int s = sources[a];
                    if ((types == null || types[codes == null ? 0 : codes[a]]) && (directed || s <= u)) {
                        sum += weights[s];
                    }
                }
                next[u] += sum;
            }
        }
        if (direction != Direction.OUT) {
            int[] offsets = csr.outOffsets();
            int[] targets = csr.outTargets();
            byte[] codes = csr.outEdgeTypeCodes();
            for (int u = 0; u < n; u++) {
                checkInterrupt(u);
                long sum = 0;
                for (int a = offsets[u], end = offsets[u + 1]; a < end; a++) {
                    int t = targets[a];
                    if ((types == null || types[codes == null ? 0 : codes[a]]) && (directed || t >= u)) {
                        sum += weights[t];
                    }
                }
                next[u] += sum;
            }
        }
        return next;
    }

    /** Σ weights[v] × (number of the hop's arcs leaving v). */
    static long weightedDegrees(CsrGraph csr, long[] weights, Direction direction, boolean[] types) {
        int n = csr.vertexCount();
        boolean directed = csr.isDirected();
        long total = 0;
        if (direction != Direction.IN) {
            total += sumDegrees(n, weights, csr.outOffsets(), csr.outTargets(), csr.outEdgeTypeCodes(), types,
                    directed, true);
        }
        if (direction != Direction.OUT) {
            total += sumDegrees(n, weights, csr.inOffsets(), csr.inSources(), csr.inEdgeTypeCodes(), types,
                    directed, false);
        }
        return total;
    }

    private static long sumDegrees(int n, long[] weights, int[] offsets, int[] ends, byte[] codes, boolean[] types,
                                   boolean directed, boolean out) {
        long total = 0;
        if (types == null && directed) {
            for (int v = 0; v < n; v++) {
                checkInterrupt(v);
                total += weights[v] * (offsets[v + 1] - offsets[v]);
            }
            return total;
        }
        for (int v = 0; v < n; v++) {
            checkInterrupt(v);
            long w = weights[v];
            if (w == 0) {
                continue;
            }
            long degree = 0;
            for (int a = offsets[v], end = offsets[v + 1]; a < end; a++) {
                int other = ends[a];
                if ((types == null || types[codes == null ? 0 : codes[a]])
                        && (directed || (out ? other >= v : other <= v))) {
                    degree++;
                }
            }
            total += w * degree;
        }
        return total;
    }
}
