package io.grapholap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./grapholap bench}: generates the graphs, runs every engine on them side by side (each engine
 * and scale in a worker JVM of its own unless {@code --in-process}), prints the table and writes
 * results.csv, results.json, chart.png and machine.json under {@code --out}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.print(BenchOptions.HELP);
                return 0;
            }
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            err.println("bench: " + e.getMessage());
            err.println("Run ./grapholap bench --help for the options.");
            return 2;
        }

        Map<String, Object> machine = MachineInfo.describe();
        out.println("GraphOLAP bench on " + machine.get("cores") + " cores (" + machine.get("cpu") + "), "
                + WorkerMain.gib((long) machine.get("memory_bytes")) + " memory, " + machine.get("jvm")
                + ", load average " + machine.get("load_average"));
        out.println("worker heap " + (options.inProcess() ? "(in process) " + WorkerMain.gib(Runtime.getRuntime().maxMemory()) : options.heap())
                + ", threads " + options.threads() + ", seed " + options.seed() + ", timeout " + options.timeoutSeconds() + " s per run");
        if (options.engines().contains("gpu")) {
            String gpu = GpuEngine.unavailableReason();
            out.println(gpu != null ? gpu : "GPU engine: " + io.grapholap.engine.gpu.CudaProbe.availability().deviceName());
        }
        Files.createDirectories(options.out());
        Path scratch = Files.createDirectories(options.out().resolve("scratch"));

        List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
        // A run that timed out is not tried again at a larger scale of the same graph.
        Map<String, Integer> timedOut = new java.util.concurrent.ConcurrentHashMap<>();
        WorkerLauncher launcher = new WorkerLauncher(options.heap(), err::println);
        // Stopped from outside (a time budget's SIGTERM), the bench still prints and writes what it measured.
        AtomicBoolean finished = new AtomicBoolean();
        Thread stopped = new Thread(() -> {
            if (!finished.get()) {
                List<RunResult> measured = List.copyOf(results);
                out.println();
                out.println("Stopped before the end; what was measured:");
                printSummary(out, measured, options.engines());
                writeResultsQuietly(options, machine, args, measured, err);
                out.flush();
            }
        }, "bench-stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        List<String> engines = new ArrayList<>(options.engines());
        engines.addAll(options.peers());
        for (String graph : options.graphs()) {
            for (int scale : options.scales()) {
                for (String engine : engines) {
                    boolean peer = options.peers().contains(engine);
                    List<String> algorithms = new ArrayList<>();
                    for (String algorithm : options.algorithms()) {
                        Integer at = timedOut.get(engine + "/" + graph + "/" + algorithm);
                        if (at != null) {
                            RunResult r = RunResult.skipped(engine, graph, scale, algorithm, 1L << scale, -1,
                                    "timed out at scale " + at + " already");
                            results.add(r);
                            out.println(progress(r));
                        } else {
                            algorithms.add(algorithm);
                        }
                    }
                    if (algorithms.isEmpty()) {
                        continue;
                    }
                    WorkerSpec spec = new WorkerSpec(engine, graph, scale, options.seed(), options.threads(), algorithms,
                            peer ? options.peerBfsSources() : options.bfsSources(), options.timeoutSeconds(), options.warmupRuns(),
                            options.peerMaxScale(),
                            options.tinkerpopMaxScale(), scratch);
                    runWorker(options, launcher, spec, r -> {
                        results.add(r);
                        out.println(progress(r));
                        if (RunResult.TIMEOUT.equals(r.status())) {
                            timedOut.putIfAbsent(r.engine() + "/" + r.graph() + "/" + r.algorithm(), r.scale());
                        }
                        // Written after every result, so that a run stopped from outside keeps what it measured.
                        writeCsvQuietly(options.out().resolve("results.csv"), List.copyOf(results), err);
                    });
                }
            }
        }
        if (options.gremlinScale() > 0 && options.engines().contains("cpu")) {
            WorkerSpec spec = new WorkerSpec("gremlin", "kronecker", options.gremlinScale(), options.seed(), options.threads(),
                    List.of("gremlin"), 1, options.timeoutSeconds(), 0, options.peerMaxScale(), options.tinkerpopMaxScale(), scratch);
            runWorker(options, launcher, spec, r -> {
                results.add(r);
                out.println(progress(r));
            });
        }

        finished.set(true);
        Runtime.getRuntime().removeShutdownHook(stopped);
        machine.put("load_average_at_end", MachineInfo.loadAverage());
        out.println();
        printSummary(out, results, options.engines());
        writeResults(options, machine, args, results);
        Chart.write(options.out().resolve("chart.png"), results, "GraphOLAP bench: run time per algorithm and engine (log scale)");
        deleteQuietly(scratch);
        out.println();
        out.println("wrote " + options.out().resolve("results.csv") + ", results.json, chart.png, machine.json");
        return 0;
    }

    /** The table, the speed-ups and, with both of our engines, the GPU/CPU agreement. */
    private static void printSummary(PrintStream out, List<RunResult> results, List<String> engines) {
        out.print(Report.table(results));
        String speedups = Report.speedups(results, engines);
        if (!speedups.isEmpty()) {
            out.println();
            out.println("Speed-ups (same run):");
            out.print(speedups);
        }
        String agreement = Report.agreement(results);
        if (!agreement.isEmpty()) {
            out.println();
            out.println("GPU and CPU results (same run):");
            out.print(agreement);
        }
    }

    private static void writeResults(BenchOptions options, Map<String, Object> machine, String[] args, List<RunResult> results)
            throws IOException {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("args", String.join(" ", args));
        command.put("options", options.toString());
        Report.writeCsv(options.out().resolve("results.csv"), results);
        Report.writeJson(options.out().resolve("results.json"), machine, command, results);
        WorkerMain.JSON.writerWithDefaultPrettyPrinter().writeValue(options.out().resolve("machine.json").toFile(), machine);
    }

    private static void writeResultsQuietly(BenchOptions options, Map<String, Object> machine, String[] args, List<RunResult> results,
                                            PrintStream err) {
        try {
            writeResults(options, machine, args, results);
        } catch (IOException e) {
            err.println("bench: could not write the results under " + options.out() + ": " + e.getMessage());
        }
    }

    private static void writeCsvQuietly(Path file, List<RunResult> results, PrintStream err) {
        try {
            Report.writeCsv(file, results);
        } catch (IOException e) {
            err.println("bench: could not write " + file + ": " + e.getMessage());
        }
    }

    private static void runWorker(BenchOptions options, WorkerLauncher launcher, WorkerSpec spec,
                                  java.util.function.Consumer<RunResult> sink) throws Exception {
        if (options.inProcess()) {
            WorkerMain.run(spec, true, a -> { }, sink);
        } else {
            launcher.run(spec, sink);
        }
    }

    private static String progress(RunResult r) {
        String time = r.ok() ? String.format("%.4f s", r.runSeconds()) : r.status() + " (" + r.note() + ")";
        return String.format("  %-10s %-9s scale %2d %-10s %s", r.engine(), r.graph(), r.scale(), r.algorithm(), time);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left behind is harmless; the next run reuses it.
            return;
        }
    }
}
