package io.grapholap.bench.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoadGeneratorTest {

    @Test
    void aGridWithoutDeletionsHasEveryStreetBothWays() {
        // 4 x 4 grid: 2 * 4 * 3 = 24 streets, 48 arcs; corner 0 has neighbours 1 and 4.
        GeneratedGraph graph = new RoadGenerator(4, 5, 0.0, 1).generate();

        assertThat(graph.vertexCount()).isEqualTo(16);
        assertThat(graph.arcCount()).isEqualTo(48);
        assertThat(Arrays.copyOfRange(graph.targets(), graph.offsets()[0], graph.offsets()[1])).containsExactly(1, 4);
        assertThat(Arrays.copyOfRange(graph.targets(), graph.offsets()[5], graph.offsets()[6])).containsExactly(1, 4, 6, 9);
    }

    @Test
    void deletionsAreSymmetricWeightedAndDeterministic() {
        GeneratedGraph a = new RoadGenerator(10, 9, 0.2, 1).generate();
        GeneratedGraph b = new RoadGenerator(10, 9, 0.2, 3).generate();

        assertThat(b.targets()).isEqualTo(a.targets());
        assertThat(b.weights()).isEqualTo(a.weights());
        // 32 x 32 grid: 2 * 32 * 31 = 1984 streets, about 80% kept, two arcs each.
        assertThat(a.arcCount()).isBetween(2L * 1984 * 70 / 100, 2L * 1984 * 90 / 100);
        for (int v = 0; v < a.vertexCount(); v++) {
            assertThat(a.outDegree(v)).isLessThanOrEqualTo(4);
            for (int p = a.offsets()[v]; p < a.offsets()[v + 1]; p++) {
                int w = a.targets()[p];
                assertThat(a.weights()[p]).isGreaterThan(0f).isLessThanOrEqualTo(1f);
                assertThat(weightOf(a, w, v)).as("arc %d->%d has a twin", v, w).isEqualTo(a.weights()[p]);
            }
        }
    }

    private static float weightOf(GeneratedGraph g, int from, int to) {
        for (int p = g.offsets()[from]; p < g.offsets()[from + 1]; p++) {
            if (g.targets()[p] == to) {
                return g.weights()[p];
            }
        }
        return -1f;
    }
}
