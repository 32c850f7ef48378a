package io.grapholap.engine.gpu;

import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HostViewsTest {

    // directed: 0->1, 1->0 (both ways), 0->2 twice, 2->2 (self-loop), 3->0
    private final CsrGraph g = CsrGraph.fromEdges(4, true, new int[][] {{0, 1}, {1, 0}, {0, 2}, {0, 2}, {2, 2}, {3, 0}});

    @Test
    void simpleUndirectedListsAreSortedDistinctAndLoopFree() {
        HostViews.Lists s = HostViews.simpleUndirected(g);

        // 0: {1,2,3}  1: {0}  2: {0}  3: {0}
        assertThat(s.offsets()).containsExactly(0, 3, 4, 5, 6);
        assertThat(s.targets()).containsExactly(1, 2, 3, 0, 0, 0);
    }

    @Test
    void simpleOutListsKeepDirection() {
        HostViews.Lists s = HostViews.simpleOut(g);

        // 0: {1,2}  1: {0}  2: {}  3: {0}
        assertThat(s.offsets()).containsExactly(0, 2, 3, 3, 4);
        assertThat(Arrays.copyOf(s.targets(), 4)).containsExactly(1, 2, 0, 0);
    }
}
