package io.grapholap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.bench.gen.KroneckerGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdgeListMainTest {

    @Test
    void writesOneTabSeparatedLinePerArcInCsrOrder() throws Exception {
        // 0 -> 1, 0 -> 10, 2 -> 0, 10 -> 123456789 (vertex 3..9 and 11.. have no arcs)
        int[] offsets = new int[12];
        int[] targets = {1, 10, 0, 123_456_789};
        offsets[1] = 2;
        for (int v = 2; v <= 11; v++) {
            offsets[v] = v <= 2 ? 2 : v <= 10 ? 3 : 4;
        }
        GeneratedGraph graph = new GeneratedGraph("tiny", 11, offsets, targets, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdgeListMain.write(graph, out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0\t1\n0\t10\n2\t0\n10\t123456789\n");
    }

    @Test
    void writesEveryArcOfAKroneckerGraph() throws Exception {
        GeneratedGraph graph = new KroneckerGenerator(10, 1, 2).generate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdgeListMain.write(graph, out);
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat((long) lines.length).isEqualTo(graph.arcCount());
        int v = 0;
        while (graph.outDegree(v) == 0) {
            v++;
        }
        assertThat(lines[0]).isEqualTo(v + "\t" + graph.targets()[graph.offsets()[v]]);
    }
}
