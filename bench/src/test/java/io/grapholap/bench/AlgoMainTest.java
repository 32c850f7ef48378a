package io.grapholap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgoMainTest {

    @TempDir
    Path dir;

    Path vertices;
    Path edges;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /*
     * 1 -0.5-> 2 -1.0-> 3 -1.0-> 4 -3.0-> 1,  1 -2.0-> 3,  5 -1.0-> 4,  10 isolated.
     */
    @BeforeEach
    void graph() throws IOException {
        vertices = Files.writeString(dir.resolve("g.v"), "1\n2\n3\n4\n5\n10\n");
        edges = Files.writeString(dir.resolve("g.e"), "1 2 0.5\n1 3 2.0\n2 3 1.0\n3 4 1.0\n4 1 3.0\n5 4 1.0\n");
    }

    private int algo(String... args) {
        return AlgoMain.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bfsWritesDepthsWithTheGraphalyticsSentinelForUnreachedVertices() throws IOException {
        Path out = dir.resolve("bfs.out");

        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--directed", "--weighted",
                "--algorithm", "bfs", "--param", "source=1", "--out", out.toString(), "--threads", "2");

        assertThat(code).as(errors()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "1 0", "2 1", "3 1", "4 2", "5 9223372036854775807", "10 9223372036854775807");
    }

    @Test
    void ssspUsesTheWeightColumnAndWritesInfinityForUnreachedVertices() throws IOException {
        Path out = dir.resolve("sssp.out");

        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--directed", "--weighted",
                "--algorithm", "sssp", "--param", "source=1", "--out", out.toString());

        assertThat(code).as(errors()).isZero();
        // 3 is cheaper through 2 (0.5 + 1.0) than directly (2.0).
        assertThat(Files.readAllLines(out)).containsExactly(
                "1 0.0", "2 0.5", "3 1.5", "4 2.5", "5 Infinity", "10 Infinity");
    }

    @Test
    void undirectedWccLabelsEachComponentWithItsSmallestVertexId() throws IOException {
        Path out = dir.resolve("wcc.out");

        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--algorithm", "wcc", "--out", out.toString());

        assertThat(code).as(errors()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("1 1", "2 1", "3 1", "4 1", "5 1", "10 10");
    }

    @Test
    void aBadVertexLineIsReportedWithFileAndLineNumber() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.v"), "1\nx2\n3\n");

        int code = algo("--vertices", bad.toString(), "--edges", edges.toString(), "--algorithm", "wcc", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains(bad + ":2").contains("'x2' is not an integer");
    }

    @Test
    void anEdgeToAnUnknownVertexIsReportedWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.e"), "1 2\n2 7\n");

        int code = algo("--vertices", vertices.toString(), "--edges", bad.toString(), "--algorithm", "wcc", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains(bad + ":2").contains("vertex 7 is not in");
    }

    @Test
    void aMissingWeightIsReportedWhenWeightedIsAsked() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.e"), "1 2 1.0\n2 3\n");

        int code = algo("--vertices", vertices.toString(), "--edges", bad.toString(), "--weighted", "--algorithm", "sssp",
                "--param", "source=1", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains(bad + ":2").contains("weight");
    }

    @Test
    void badParametersNameTheParameter() {
        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--directed", "--algorithm", "pagerank",
                "--param", "damping=2", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("damping");
    }

    @Test
    void anUnknownSourceVertexNamesTheSourceParameter() {
        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--directed", "--algorithm", "bfs",
                "--param", "source=99", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("source");
    }

    @Test
    void aMissingFileAndAMissingOptionAreClearErrors() {
        assertThat(algo("--vertices", dir.resolve("none.v").toString(), "--edges", edges.toString(), "--algorithm", "wcc",
                "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(errors()).contains("none.v: no such file");

        assertThat(algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--out", "x")).isEqualTo(2);
        assertThat(errors()).contains("--algorithm NAME is required");
    }

    @Test
    void pagerankRanksSumToOneOnAGraphWithoutDanglingLoss() throws IOException {
        Path out = dir.resolve("pr.out");

        int code = algo("--vertices", vertices.toString(), "--edges", edges.toString(), "--directed", "--algorithm", "pagerank",
                "--param", "iterations=20", "--param", "damping=0.85", "--out", out.toString());

        assertThat(code).as(errors()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        double sum = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).sum();
        // The engine holds pagerank contributions as floats: the sum stays within about 1e-7 of 1.
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
