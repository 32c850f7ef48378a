package io.grapholap.bench.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KroneckerGeneratorTest {

    @Test
    void sameSeedGivesTheSameGraphWhateverTheThreadCount() {
        GeneratedGraph one = new KroneckerGenerator(10, 42, 1).generate();
        GeneratedGraph four = new KroneckerGenerator(10, 42, 4).generate();

        assertThat(four.offsets()).isEqualTo(one.offsets());
        assertThat(four.targets()).isEqualTo(one.targets());
    }

    @Test
    void anotherSeedGivesAnotherGraph() {
        GeneratedGraph a = new KroneckerGenerator(10, 1, 2).generate();
        GeneratedGraph b = new KroneckerGenerator(10, 2, 2).generate();

        assertThat(b.targets()).isNotEqualTo(a.targets());
    }

    @Test
    void twoPassCsrEqualsANaiveEdgeListBuild() {
        for (int scale = 8; scale <= 10; scale++) {
            KroneckerGenerator generator = new KroneckerGenerator(scale, 7 + scale, 2);
            GeneratedGraph graph = generator.generate();

            int n = generator.vertexCount();
            int[] perm = generator.permutation();
            List<TreeSet<Integer>> naive = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                naive.add(new TreeSet<>());
            }
            for (long i = 0; i < generator.generatedEdgeCount(); i++) {
                int[] e = generator.rawEdge(i);
                int u = perm[e[0]];
                int v = perm[e[1]];
                if (u != v) {
                    naive.get(u).add(v);
                }
            }

            assertThat(graph.vertexCount()).isEqualTo(n);
            for (int v = 0; v < n; v++) {
                List<Integer> csr = new ArrayList<>();
                for (int p = graph.offsets()[v]; p < graph.offsets()[v + 1]; p++) {
                    csr.add(graph.targets()[p]);
                }
                assertThat(csr).as("out-neighbours of %d at scale %d", v, scale).containsExactlyElementsOf(naive.get(v));
            }
        }
    }

    @Test
    void degreesAreSkewedAndTheArcCountIsPlausible() {
        KroneckerGenerator generator = new KroneckerGenerator(12, 3, 2);
        GeneratedGraph graph = generator.generate();
        int n = graph.vertexCount();
        int max = 0;
        int isolated = 0;
        int[] in = new int[n];
        for (int v = 0; v < n; v++) {
            max = Math.max(max, graph.outDegree(v));
            for (int p = graph.offsets()[v]; p < graph.offsets()[v + 1]; p++) {
                in[graph.targets()[p]]++;
            }
        }
        for (int v = 0; v < n; v++) {
            if (graph.outDegree(v) == 0 && in[v] == 0) {
                isolated++;
            }
        }

        assertThat(n).isEqualTo(4096);
        assertThat(graph.arcCount()).isBetween(generator.generatedEdgeCount() / 2, generator.generatedEdgeCount());
        double average = (double) graph.arcCount() / n;
        assertThat(max).isGreaterThan((int) (20 * average));
        assertThat(isolated).isPositive().isLessThan(n / 2);
    }

    @Test
    void weightsAreInTheUnitIntervalAndDeterministic() {
        KroneckerGenerator generator = new KroneckerGenerator(8, 11, 2);
        GeneratedGraph graph = generator.generate();

        float[] w1 = generator.weights(graph);
        float[] w2 = new KroneckerGenerator(8, 11, 1).weights(graph);

        assertThat(w1).hasSize(graph.targets().length).isEqualTo(w2);
        for (float w : w1) {
            assertThat(w).isGreaterThan(0f).isLessThanOrEqualTo(1f);
        }
    }

    @Test
    void rejectsScalesOutOfRange() {
        assertThatThrownBy(() -> new KroneckerGenerator(0, 1, 1)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new KroneckerGenerator(27, 1, 1)).hasMessageContaining("scale");
    }
}
