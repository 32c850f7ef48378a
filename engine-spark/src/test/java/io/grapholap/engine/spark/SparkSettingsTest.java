package io.grapholap.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.domain.error.UnavailableException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings checks, the engine without a driver program, and the driver's JVM options against Spark's own. */
class SparkSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void eachBadSettingIsNamed() {
        SparkSettings ok = SparkCluster.settings(tmp);
        assertThatThrownBy(() -> ok.withMaster("yarn")).hasMessageContaining("grapholap.spark.master");
        assertThatThrownBy(() -> ok.withMaster("local[two]")).hasMessageContaining("grapholap.spark.master");
        assertThatThrownBy(() -> ok.withMemory("lots", "1g")).hasMessageContaining("grapholap.spark.driver-memory");
        assertThatThrownBy(() -> ok.withMemory("1g", "-1")).hasMessageContaining("grapholap.spark.executor-memory");
        assertThatThrownBy(() -> ok.withPartitions(0)).hasMessageContaining("grapholap.spark.partitions");
        assertThat(ok.withMaster("spark://10.0.0.5:7077").master()).isEqualTo("spark://10.0.0.5:7077");
        assertThat(ok.withMaster("local[*]").master()).isEqualTo("local[*]");
    }

    @Test
    void withoutADriverProgramTheEngineIsUnavailableAndSaysWhy() {
        try (RootAllocator allocator = new RootAllocator();
             SparkGraphEngine engine = new SparkGraphEngine(allocator, SparkCluster.settings(tmp)
                     .withHome(tmp.resolve("nowhere")))) {
            EngineInfo info = engine.info();
            assertThat(info.available()).isFalse();
            assertThat(info.unavailableReason()).contains("engine-spark-job.jar").contains("grapholap.spark.home");
            assertThat(info.algorithms()).containsExactlyInAnyOrderElementsOf(SparkGraphEngine.ALGORITHMS);
            assertThatThrownBy(() -> engine.load(tmp, LoadOptions.defaults(), ProgressListener.NONE,
                    CancellationToken.create())).isInstanceOfSatisfying(UnavailableException.class,
                    e -> assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE"));
        }
    }

    @Test
    void driverGetsTheModuleOptionsOfSparksLauncher() throws Exception {
        Path jars = SparkCluster.settings(tmp).sparkHome().resolve("jars");
        Assumptions.assumeTrue(Files.isDirectory(jars), "no Spark jars at " + jars);
        Path launcher;
        try (Stream<Path> files = Files.list(jars)) {
            launcher = files.filter(p -> p.getFileName().toString().startsWith("spark-launcher_")).findFirst().orElseThrow();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, null)) {
            String[] options = (String[]) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
                    .getMethod("defaultModuleOptionArray").invoke(null);
            assertThat(SparkDriver.MODULE_OPTIONS).containsExactlyElementsOf(Arrays.asList(options));
        }
        List<String> command = SparkDriver.command(SparkCluster.settings(tmp));
        assertThat(command).containsSubsequence(SparkDriver.MODULE_OPTIONS).contains("-Dspark.master=local[2]",
                "-Xmx512m", "-Dspark.ui.enabled=false", SparkDriver.MAIN);
    }
}
