package io.grapholap.engine.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How the Spark engine reaches Spark: {@code master} ({@code local[N]}, {@code local[*]} or
 * {@code spark://host:port}), {@code home} (the driver program's directory: {@code engine-spark-job.jar}
 * and {@code spark-home/jars}, as engine-spark/job builds them under its {@code target}), the driver's
 * and each executor's memory ({@code 512m}, {@code 2g}), the number of partitions of every graph, the
 * {@code workDir} where graphs and results are handed over as files (on a cluster spanning hosts it must
 * be visible to the executors at the same path), and the JDK that runs the driver. Checked when built;
 * a message names the setting.
 */
public record SparkSettings(String master, Path home, String driverMemory, String executorMemory, int partitions,
                            Path workDir, Path javaHome) {

    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)])?|spark://[^/\\s:]+:\\d+(,[^/\\s:]+:\\d+)*");
    private static final Pattern MEMORY = Pattern.compile("\\d+[mMgG]");

    public SparkSettings {
        if (master == null || !MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("grapholap.spark.master must be local[N], local[*] or spark://host:port, got '"
                    + master + "'");
        }
        if (home == null) {
            throw new IllegalArgumentException("grapholap.spark.home must name the Spark driver program's directory");
        }
        if (driverMemory == null || !MEMORY.matcher(driverMemory).matches()) {
            throw new IllegalArgumentException("grapholap.spark.driver-memory must be a size such as 512m or 2g, got '"
                    + driverMemory + "'");
        }
        if (executorMemory == null || !MEMORY.matcher(executorMemory).matches()) {
            throw new IllegalArgumentException("grapholap.spark.executor-memory must be a size such as 512m or 2g, got '"
                    + executorMemory + "'");
        }
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("grapholap.spark.partitions must be between 1 and 10000, got " + partitions);
        }
        if (workDir == null) {
            throw new IllegalArgumentException("grapholap.spark.work-dir must name a directory");
        }
        if (javaHome == null) {
            javaHome = Path.of(System.getProperty("java.home"));
        }
    }

    /** The defaults: {@code local[2]}, the dev tree's driver program, 1g driver, 1g executors, 8 partitions. */
    public static SparkSettings defaults(Path workDir) {
        return new SparkSettings("local[2]", defaultHome(), "1g", "1g", 8, workDir, null);
    }

    /** {@code engine-spark/job/target} under the working directory: where the build puts the driver program. */
    public static Path defaultHome() {
        return Path.of("engine-spark", "job", "target").toAbsolutePath();
    }

    public SparkSettings withMaster(String value) {
        return new SparkSettings(value, home, driverMemory, executorMemory, partitions, workDir, javaHome);
    }

    public SparkSettings withHome(Path value) {
        return new SparkSettings(master, value, driverMemory, executorMemory, partitions, workDir, javaHome);
    }

    public SparkSettings withMemory(String driver, String executor) {
        return new SparkSettings(master, home, driver, executor, partitions, workDir, javaHome);
    }

    public SparkSettings withPartitions(int value) {
        return new SparkSettings(master, home, driverMemory, executorMemory, value, workDir, javaHome);
    }

    Path jobJar() {
        return home.resolve("engine-spark-job.jar");
    }

    Path sparkHome() {
        return home.resolve("spark-home");
    }

    /** Why the driver program cannot be started from these settings, or {@code null} when it can. */
    String problem() {
        if (!Files.isRegularFile(jobJar())) {
            return "no Spark driver program at " + jobJar() + " (build engine-spark/job, or set grapholap.spark.home)";
        }
        if (!Files.isDirectory(sparkHome().resolve("jars"))) {
            return "no Spark jars at " + sparkHome().resolve("jars") + " (build engine-spark/job, or set grapholap.spark.home)";
        }
        if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
            return "no java at " + javaHome.resolve("bin").resolve("java");
        }
        return null;
    }
}
