package io.grapholap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link WorkerSpec} in a child JVM with its own heap, collecting the results it prints. When the
 * child dies before finishing (a timeout it halted on, an out-of-memory kill, a crash) the algorithm in
 * flight gets a row saying so and a fresh child carries on with the rest.
 */
final class WorkerLauncher {

    private final String heap;
    private final Consumer<String> log;

    WorkerLauncher(String heap, Consumer<String> log) {
        this.heap = heap;
        this.log = log;
    }

    void run(WorkerSpec spec, Consumer<RunResult> sink) throws IOException, InterruptedException {
        List<String> remaining = new ArrayList<>(spec.algorithms());
        boolean[] loaded = {false};
        for (int attempt = 0; !remaining.isEmpty() && attempt <= spec.algorithms().size() + 1; attempt++) {
            List<String> done = new ArrayList<>();
            String[] inFlight = {null};
            boolean loadAnnounced = false;
            Process process = new ProcessBuilder(command(spec.withAlgorithms(remaining)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            // Backstop in case the child stops printing without exiting: generation, load and every run with slack.
            long limitSeconds = 600L + (long) (remaining.size() + 1) * (spec.timeoutSeconds() + 60L);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                Thread reader = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        String line;
                        while ((line = out.readLine()) != null) {
                            if (line.startsWith(WorkerMain.START)) {
                                inFlight[0] = line.substring(WorkerMain.START.length()).trim();
                            } else if (line.startsWith(WorkerMain.RESULT)) {
                                RunResult r = WorkerMain.JSON.readValue(line.substring(WorkerMain.RESULT.length()), RunResult.class);
                                synchronized (done) {
                                    done.add(r.algorithm());
                                }
                                if (!"load".equals(r.algorithm()) || !loaded[0]) {
                                    sink.accept(r);
                                } else {
                                    // A restarted worker loads again; the first load is the one reported.
                                    log.accept(String.format("  [%s] reloaded after a restart in %.1f s", spec.engine(), r.runSeconds()));
                                }
                                if ("load".equals(r.algorithm())) {
                                    loaded[0] = true;
                                }
                            } else {
                                log.accept("  [" + spec.engine() + "] " + line);
                            }
                        }
                    } catch (IOException e) {
                        log.accept("  [" + spec.engine() + "] output lost: " + e.getMessage());
                    }
                });
                if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
                reader.join(10_000);
            }
            int code = process.exitValue();
            synchronized (done) {
                remaining.removeAll(done);
            }
            if (remaining.isEmpty() || code == 0) {
                return;
            }
            String failed = inFlight[0];
            long vertices = 1L << spec.scale();
            if (failed == null || failed.equals("load") || failed.equals("prepare")) {
                String why = (failed == null ? "worker died before loading" : "worker died while loading") + " (exit code " + code + ")";
                for (String a : remaining) {
                    sink.accept(RunResult.skipped(spec.engine(), spec.graph(), spec.scale(), a, vertices, -1, why));
                }
                return;
            }
            if (remaining.remove(failed)) {
                String why = code == WorkerMain.HALT_ON_TIMEOUT ? null : "worker exited with code " + code + " (killed for memory?)";
                if (why != null) {
                    sink.accept(new RunResult(spec.engine(), spec.graph(), spec.scale(), failed, vertices, -1, Double.NaN, Double.NaN, 0,
                            Double.NaN, -1, RunResult.FAILED, why));
                }
            }
        }
    }

    /** The bench JVM's options a worker runs with too: module access, the collector, huge pages. */
    private static boolean forwarded(String arg) {
        return arg.startsWith("--add-opens") || arg.startsWith("--sun-misc-unsafe-memory-access")
                || arg.startsWith("--enable-native-access") || arg.matches("-XX:\\+Use\\w+GC")
                || arg.equals("-XX:+UseTransparentHugePages");
    }

    private List<String> command(WorkerSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (forwarded(arg)) {
                cmd.add(arg);
            }
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("grapholap.spark.")) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.add("-Xmx" + heap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        cmd.addAll(spec.toArgs());
        return cmd;
    }
}
