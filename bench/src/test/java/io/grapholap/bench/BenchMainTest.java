package io.grapholap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(String... args) throws Exception {
        return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aSmokeRunAtScale8WritesTheTableCsvJsonAndChart() throws Exception {
        int code = bench("--scale", "8", "--peers", "jgrapht,tinkerpop", "--threads", "2", "--bfs-sources", "4",
                "--gremlin-scale", "6", "--in-process", "--out", dir.toString());

        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(console).contains("engine", "edges/s", "peak MiB").contains("Speed-ups");

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv.get(0)).startsWith("engine,graph,algorithm,scale,vertices,arcs,load_seconds,run_seconds");
        for (String algorithm : List.of("pagerank", "bfs", "wcc", "sssp", "cdlp", "lcc", "triangle_count", "louvain")) {
            assertThat(csv).as(algorithm).anyMatch(l -> l.startsWith("cpu,kronecker," + algorithm + ",8,256,") && l.contains(",ok,"));
        }
        assertThat(csv).anyMatch(l -> l.startsWith("jgrapht,kronecker,pagerank,8,") && l.contains(",ok,"));
        assertThat(csv).anyMatch(l -> l.startsWith("jgrapht,kronecker,louvain,8,") && l.contains(",skipped,JGraphT 1.5.2 has no Louvain"));
        assertThat(csv).anyMatch(l -> l.startsWith("cpu,kronecker,triangle_count,8,") && l.matches(".*,ok,triangles=[1-9][0-9]*.*"));
        assertThat(csv).anyMatch(l -> l.startsWith("tinkerpop,kronecker,pagerank,8,") && l.contains(",ok,"));
        assertThat(csv).anyMatch(l -> l.startsWith("cpu,kronecker,gremlin-2hop,6,64,") && l.contains(",ok,"));
        assertThat(csv).anyMatch(l -> l.startsWith("tinkergraph,kronecker,gremlin-2hop,6,") && l.contains("same count"));
        assertThat(csv).anyMatch(l -> l.startsWith("tinkergraph+index,kronecker,gremlin-lookup,6,") && l.contains("same count"));

        JsonNode json = WorkerMain.JSON.readTree(dir.resolve("results.json").toFile());
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("machine").path("jvm").asText()).isNotBlank();
        assertThat(json.path("results").size()).isEqualTo(csv.size() - 1);

        assertThat(ImageIO.read(dir.resolve("chart.png").toFile()).getWidth()).isGreaterThan(100);
    }

    @Test
    void enginesAgreeOnComponentsReachAndClusteringAtScale8() throws Exception {
        bench("--scale", "8", "--peers", "jgrapht,jgrapht-sparse", "--algorithms", "bfs,wcc,sssp,lcc", "--bfs-sources", "2",
                "--gremlin-scale", "0", "--in-process", "--out", dir.toString());

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        for (String algorithm : List.of("bfs", "wcc", "sssp", "lcc")) {
            String cpu = note(csv, "cpu", algorithm);
            assertThat(note(csv, "jgrapht", algorithm)).as(algorithm).isEqualTo(cpu);
            assertThat(note(csv, "jgrapht-sparse", algorithm)).as(algorithm).isEqualTo(cpu);
        }
    }

    @Test
    void bothJGraphTPeersRankTheSameGraphAlike() throws Exception {
        bench("--scale", "8", "--peers", "jgrapht,jgrapht-sparse", "--algorithms", "pagerank", "--gremlin-scale", "0",
                "--in-process", "--out", dir.toString());

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(note(csv, "jgrapht-sparse", "pagerank")).startsWith("sum=").isEqualTo(note(csv, "jgrapht", "pagerank"));
    }

    @Test
    void aPeerRunOverTheTimeLimitIsReportedAndTheNextAlgorithmRunsInAFreshWorker() throws Exception {
        // Workers run in child JVMs here. JGraphT's clustering coefficient takes over a second at scale 12
        // and tens of seconds at scale 14, far over the 2 s limit; one bfs takes milliseconds. Without a GPU
        // the GPU engine refuses at once.
        int code = bench("--scale", "14", "--engines", "gpu", "--peers", "jgrapht", "--algorithms", "lcc,bfs", "--timeout", "2",
                "--bfs-sources", "1",
                "--gremlin-scale", "0", "--heap", "512m", "--out", dir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("jgrapht,kronecker,lcc,14,") && l.contains(",timeout,"));
        assertThat(csv).anyMatch(l -> l.startsWith("jgrapht,kronecker,bfs,14,") && l.contains(",ok,"));
        assertThat(csv.stream().filter(l -> l.startsWith("jgrapht,kronecker,load,14,"))).hasSize(1);
        assertThat(csv).anyMatch(l -> l.startsWith("gpu,kronecker,bfs,14,") && l.contains(",skipped,"));
    }

    @Test
    void cpuAndGpuRunSideBySideOrTheGpuSaysWhyNot() throws Exception {
        int code = bench("--scale", "6", "--engines", "cpu,gpu", "--peers", "none", "--algorithms", "wcc,louvain",
                "--gremlin-scale", "0", "--in-process", "--out", dir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String console = out.toString(StandardCharsets.UTF_8);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("cpu,kronecker,wcc,6,64,") && l.contains(",ok,"));
        String unavailable = GpuEngine.unavailableReason();
        if (unavailable != null) {
            assertThat(console).contains(unavailable);
            assertThat(csv).anyMatch(l -> l.startsWith("gpu,kronecker,wcc,6,") && l.contains(",skipped,GPU engine unavailable: "));
        } else {
            assertThat(csv).anyMatch(l -> l.startsWith("gpu,kronecker,wcc,6,64,") && l.contains(",ok,"));
            assertThat(csv).anyMatch(l -> l.startsWith("gpu,kronecker,louvain,6,") && l.contains(",skipped,no GPU kernel"));
            assertThat(console).contains("gpu is").contains("faster than cpu");
        }
    }

    @Test
    void cpuAndSparkRunSideBySideWithTheSameAnswers() throws Exception {
        int code = bench("--scale", "6", "--engines", "cpu,spark", "--spark-master", "local[1]", "--peers", "none",
                "--algorithms", "wcc,louvain", "--gremlin-scale", "0", "--in-process", "--out", dir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        String cpuWcc = csv.stream().filter(l -> l.startsWith("cpu,kronecker,wcc,6,64,") && l.contains(",ok,"))
                .findFirst().orElseThrow();
        assertThat(csv).anyMatch(l -> l.startsWith("spark,kronecker,load,6,64,") && l.contains(",ok,")
                && l.contains("local[1]"));
        java.util.regex.Matcher components = java.util.regex.Pattern.compile("components=\\d+").matcher(cpuWcc);
        assertThat(components.find()).as(cpuWcc).isTrue();
        assertThat(csv).anyMatch(l -> l.startsWith("spark,kronecker,wcc,6,64,") && l.contains(",ok,")
                && l.endsWith(",ok," + components.group()));
        assertThat(csv).anyMatch(l -> l.startsWith("spark,kronecker,louvain,6,") && l.contains(",skipped,no Spark job"));
    }

    @Test
    void warmupRunsAreUntimedAndSaidInTheNote() throws Exception {
        int code = bench("--scale", "8", "--peers", "none", "--algorithms", "pagerank,wcc", "--warmup", "2",
                "--gremlin-scale", "0", "--in-process", "--out", dir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("cpu,kronecker,pagerank,8,") && l.contains(",1,")
                && l.contains("after 2 untimed warm-up runs"));
        assertThat(csv).anyMatch(l -> l.startsWith("cpu,kronecker,wcc,8,") && l.contains("after 2 untimed warm-up runs"));
        assertThat(bench("--warmup", "-1")).isEqualTo(2);
    }

    @Test
    void badOptionsAreNamedAndHelpIsPrinted() throws Exception {
        assertThat(bench("--scale", "abc")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scale must be an integer");

        assertThat(bench("--peers", "neo4j")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--peers: unknown value 'neo4j'");

        assertThat(bench("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./grapholap bench");
    }

    private static String note(List<String> csv, String engine, String algorithm) {
        String line = csv.stream().filter(l -> l.startsWith(engine + ",kronecker," + algorithm + ",")).findFirst().orElseThrow();
        return line.substring(line.lastIndexOf(",ok,") + 4).replace(" (async LPA)", "");
    }
}
