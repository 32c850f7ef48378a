package io.grapholap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static RunResult ok(String engine, String algorithm, double seconds, String note) {
        return new RunResult(engine, "kronecker", 20, algorithm, 1 << 20, 16_000_000, 1.0, seconds, 1, 16e6 / seconds, -1,
                RunResult.OK, note);
    }

    @Test
    void gpuChecksAreComparedWithTheCpuChecksOfTheSameRun() {
        List<RunResult> results = List.of(
                ok("cpu", "wcc", 0.2, "components=17; after 1 untimed warm-up run"),
                ok("gpu", "wcc", 0.01, "components=17; after 1 untimed warm-up run"),
                ok("cpu", "triangle_count", 3.0, "triangles=1200"),
                ok("gpu", "triangle_count", 0.1, "triangles=1201"),
                ok("cpu", "lcc", 3.0, "average=0.123456"),
                ok("gpu", "lcc", 0.1, "average=0.123457"),
                ok("cpu", "pagerank", 1.0, "iterations=20"),
                ok("gpu", "pagerank", 0.05, ""));

        String agreement = Report.agreement(results);

        assertThat(agreement).contains("wcc            scale 20: same (gpu components=17, cpu components=17)");
        assertThat(agreement).contains("triangle_count scale 20: DIFFERENT (gpu triangles=1201, cpu triangles=1200)");
        assertThat(agreement).as("a rounded decimal may differ in its last place").contains("lcc            scale 20: same");
        assertThat(agreement).as("a missing check is a difference").contains("pagerank       scale 20: DIFFERENT");
    }

    @Test
    void aCpuRunThatTimedOutStillGivesTheGpuLine() {
        RunResult timedOut = new RunResult("cpu", "kronecker", 20, "lcc", 1 << 20, 16_000_000, 1.0, Double.NaN, 0, Double.NaN, -1,
                RunResult.TIMEOUT, "over the 60 s limit per run");

        String speedups = Report.speedups(List.of(timedOut, ok("gpu", "lcc", 0.5, "average=0.1")), List.of("cpu", "gpu"));

        assertThat(speedups).contains("lcc       scale 20: gpu ran in 0.5000 s; cpu timed out (over the 60 s limit per run)");
    }

    @Test
    void checksAreTheKeyValuePairsBeforeTheFirstRemark() {
        assertThat(Report.checks("communities=4 modularity=0.4100; after 1 untimed warm-up run"))
                .containsExactly(java.util.Map.entry("communities", "4"), java.util.Map.entry("modularity", "0.4100"));
        assertThat(Report.checks(null)).isEmpty();
    }
}
