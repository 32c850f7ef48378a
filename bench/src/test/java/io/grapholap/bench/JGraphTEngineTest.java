package io.grapholap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.bench.gen.GeneratedGraph;
import org.junit.jupiter.api.Test;

class JGraphTEngineTest {

    private static final long MIB = 1L << 20;

    /** One vertex with a million arcs to itself: only the counts matter to the estimate. */
    private final GeneratedGraph millionArcs = new GeneratedGraph("estimate", 1, new int[] {0, 1_000_000}, new int[1_000_000], null);

    @Test
    void theSparseGraphIsGivenAHeapTheStandardGraphIsRefused() {
        // 1M arcs: the standard graph is estimated at 220 MB, the sparse one at 100 MB; 80 % of 200 MiB lies between.
        assertThat(JGraphTEngine.standard(22).refuse(millionArcs, 20, 200 * MIB)).startsWith("jgrapht graph needs about");
        assertThat(JGraphTEngine.sparse(22).refuse(millionArcs, 20, 200 * MIB)).isNull();
        assertThat(JGraphTEngine.sparse(22).refuse(millionArcs, 20, 100 * MIB))
                .isEqualTo("jgrapht-sparse graph needs about 0.1 GiB, heap is 0.1 GiB");
    }

    @Test
    void bothPeersKeepToThePeerMaxScale() {
        assertThat(JGraphTEngine.sparse(20).refuse(millionArcs, 22, 1L << 40)).isEqualTo("above --peer-max-scale 20");
        assertThat(JGraphTEngine.standard(20).refuse(millionArcs, 22, 1L << 40)).isEqualTo("above --peer-max-scale 20");
    }
}
