package io.grapholap.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Guest code that never ends or never stops growing cannot take the server down. A real server in a
 * child JVM (1 GiB heap, as an operator would bound it), analysts in one organisation, and their
 * functions in both languages:
 * <ul>
 *   <li>eight JavaScript and eight Python endless loops at once, each with a 2 s timeout, while a
 *       client keeps logging in and calling an authenticated route: every loop answers 408 (or 429
 *       over a concurrency limit) within its timeout plus 2 s, every client call answers 2xx with a
 *       p99 under 1 s, and the server's CPU falls below 20 % within 5 s after the last loop answered
 *       (two loops once held both carrier threads of the virtual-thread scheduler and hung every
 *       route for good);</li>
 *   <li>a function in each language that grows its memory without end next to ordinary traffic: it
 *       ends with a 4xx naming the memory limit while {@code /health}, login and an authenticated GET
 *       keep answering (such a function once ran the heap out and killed the event loops). Python runs
 *       twice, the second right after the first: a run that began less than a second after the last
 *       collection once filled the heap before the watchdog asked for the next one.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileGuestCodeTest {

    private static final String PASSWORD = "analyst-password-123";
    private static final String ORG = "risk";
    private static final List<String> ANALYSTS = List.of("ana1", "ana2", "ana3", "ana4");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ServerProcess server;
    private Http http;
    private final List<String> tokens = new ArrayList<>();

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = ServerProcess.create(database(), Map.of()).start(Map.of(
                "grapholap.udf.runtime.js-warm-up-runs", "0",
                "grapholap.udf.runtime.python-warm-up-runs", "0"));
        http = server.http();
        String admin = http.adminToken();
        for (String name : ANALYSTS) {
            var r = http.post("/api/admin/users", Map.of("username", name, "password", PASSWORD, "roles", List.of("analyst"),
                    "organizations", List.of(ORG)), admin);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            tokens.add(http.login(name, PASSWORD));
        }
        for (int i = 0; i < tokens.size(); i++) {
            create("js", "spin" + i, "function task(args) { while (true) {} }", tokens.get(i));
            create("python", "spin" + i, "def task(args):\n    while True:\n        pass\n", tokens.get(i));
        }
        String owner = tokens.get(0);
        create("js", "grow", "function task(args) { const kept = []; while (true) { kept.push(new Array(100000).fill(kept.length)); } }",
                owner);
        create("python", "grow", "def task(args):\n    kept = []\n    while True:\n        kept.append([len(kept)] * 100000)\n", owner);
        create("js", "ok", "function task(args) { return {nodes: [{id: 1}, {id: 2}], edges: [{source: 1, target: 2}]}; }", owner);
        create("python", "ok", "def task(args):\n    return {'nodes': [{'id': 1}, {'id': 2}], 'edges': [{'source': 1, 'target': 2}]}\n", owner);
        // one ordinary run per language first: the first Python context of a JVM takes seconds to build
        for (String language : List.of("js", "python")) {
            var ok = http.post(run(language, "ok"), Map.of(), owner);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            System.out.println("[hostile] server log tail:\n" + server.logTail(15));
            server.close();
        }
    }

    /** First: the CPU it measures afterwards is the loops' alone, not the collection of the growth test's garbage. */
    @Test
    @Order(1)
    void endlessLoopsInBothLanguagesNeitherHangTheServerNorOutliveTheirTimeout() throws Exception {
        AtomicBoolean attackOver = new AtomicBoolean();
        List<Long> clientMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> clientFailures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<?> client = pool.submit(() -> {
                while (!attackOver.get()) {
                    timed(clientMillis, clientFailures, () -> http.get("/api/auth/me", tokens.get(1)));
                    timed(clientMillis, clientFailures, () -> http.request("POST", "/api/auth/login")
                            .json(Map.of("username", ANALYSTS.get(1), "password", PASSWORD)).send());
                }
            });
            List<Future<long[]>> loops = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String language = i % 2 == 0 ? "js" : "python";
                int analyst = (i / 2) % tokens.size();
                loops.add(pool.submit(() -> {
                    long began = System.nanoTime();
                    var r = http.post(run(language, "spin" + analyst), Map.of("timeout_ms", 2000), tokens.get(analyst));
                    return new long[] {r.status(), (System.nanoTime() - began) / 1_000_000};
                }));
            }
            int timedOut = 0;
            for (Future<long[]> loop : loops) {
                long[] outcome = loop.get();
                System.out.printf("[hostile] endless loop answered %d after %d ms%n", outcome[0], outcome[1]);
                assertThat(outcome[0]).isIn(408L, 429L);
                assertThat(outcome[1]).as("answered within its 2 s timeout + 2 s").isLessThanOrEqualTo(4_000L);
                timedOut += outcome[0] == 408 ? 1 : 0;
            }
            assertThat(timedOut).as("loops that really ran and were stopped").isGreaterThanOrEqualTo(1);
            attackOver.set(true);
            client.get();
        } finally {
            attackOver.set(true);
            pool.shutdownNow();
        }

        assertThat(clientFailures).isEmpty();
        assertThat(clientMillis).hasSizeGreaterThan(4);
        long p99 = percentile(clientMillis, 0.99);
        System.out.printf("[hostile] %d authenticated calls during the attack: p50 %d ms, p99 %d ms, max %d ms%n",
                clientMillis.size(), percentile(clientMillis, 0.5), p99, percentile(clientMillis, 1.0));
        assertThat(p99).as("p99 of login and /api/auth/me during the attack, ms").isLessThan(1_000L);

        long calmAfter = awaitCpuBelow(0.20, Duration.ofSeconds(5));
        System.out.printf("[hostile] server CPU below 20%% %d ms after the last loop answered%n", calmAfter);
        assertThat(http.get("/health", null).status()).isEqualTo(200);
        assertThat(http.post(run("js", "ok"), Map.of(), tokens.get(0)).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void memoryGrowthIsStoppedAtTheLimitWhileTheServerKeepsAnswering() throws Exception {
        for (String language : List.of("js", "python", "python")) {
            AtomicBoolean over = new AtomicBoolean();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            try {
                Future<?> traffic = pool.submit(() -> {
                    while (!over.get()) {
                        timed(millis, failures, () -> http.get("/health", null));
                        timed(millis, failures, () -> http.request("POST", "/api/auth/login")
                                .json(Map.of("username", ANALYSTS.get(3), "password", PASSWORD)).send());
                        timed(millis, failures, () -> http.get("/api/auth/me", tokens.get(3)));
                    }
                });
                long began = System.nanoTime();
                var grown = http.post(run(language, "grow"), Map.of("timeout_ms", 120_000), tokens.get(0));
                long took = (System.nanoTime() - began) / 1_000_000;
                over.set(true);
                traffic.get();
                System.out.printf("[hostile] %s memory growth answered %d after %d ms: %s%n", language, grown.status(), took,
                        grown.body());
                assertThat(grown.status()).as(grown.body()).isBetween(400, 499);
                assertThat(grown.errorMessage()).contains("memory limit");
            } finally {
                over.set(true);
                pool.shutdownNow();
            }
            assertThat(failures).as(() -> language + ": ordinary calls next to the growing function; server log:\n"
                    + failures.stream().map(HostileGuestCodeTest::reference).map(ref -> server.logFrom(ref, 40))
                            .reduce("", String::concat)).isEmpty();
            assertThat(millis).isNotEmpty();
            System.out.printf("[hostile] %s: %d ordinary calls meanwhile, p99 %d ms%n", language, millis.size(),
                    percentile(millis, 0.99));
            var ok = http.post(run(language, "ok"), Map.of(), tokens.get(0));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
    }

    private void create(String language, String alias, String loadData, String token) {
        var r = http.post("/api/v2/o/" + ORG + "/functions/" + language + "/", Map.of("alias", alias + "-" + language, "is_enabled", true,
                "load_data", loadData, "execute", language.equals("js") ? "function task(g, args) { return 1; }"
                        : "def task(g, args):\n    return 1\n"), token);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static String run(String language, String alias) {
        return "/api/v2/o/" + ORG + "/run/" + language + "/" + alias + "-" + language;
    }

    private static void timed(List<Long> millis, List<String> failures, java.util.function.Supplier<Http.Response> call) {
        long began = System.nanoTime();
        try {
            Http.Response r = call.get();
            millis.add((System.nanoTime() - began) / 1_000_000);
            if (r.status() / 100 != 2) {
                failures.add(r.toString());
            }
        } catch (RuntimeException e) {
            failures.add(e.toString());
        }
    }

    /** The error reference a 5xx answer names, or the whole answer when it names none. */
    private static String reference(String failure) {
        var m = java.util.regex.Pattern.compile("reference ([0-9a-f-]{36})").matcher(failure);
        return m.find() ? m.group(1) : failure;
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Samples the server process's CPU (user + system, from /proc) over half-second windows until one is
     * below {@code share} of one core's time times the cores; returns when that happened, in ms.
     */
    private long awaitCpuBelow(double share, Duration within) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        long began = System.nanoTime();
        long deadline = began + within.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            long ticks = cpuTicks();
            long t0 = System.nanoTime();
            Thread.sleep(500);
            double seconds = (System.nanoTime() - t0) / 1e9;
            last = (cpuTicks() - ticks) / (double) CLOCK_TICKS_PER_SECOND / seconds / cores;
            if (last < share) {
                return (System.nanoTime() - began) / 1_000_000;
            }
        }
        throw new AssertionError("the server still used " + Math.round(last * 100) + "% CPU " + within.toSeconds()
                + " s after the attack; its busiest threads: " + busiestThreads() + "; log tail:\n" + server.logTail(20));
    }

    /** The server's threads that used most CPU over the next half second, with their ticks. */
    private String busiestThreads() throws IOException, InterruptedException {
        Path tasks = Path.of("/proc", Long.toString(server.pid()), "task");
        Map<String, Long> before = threadTicks(tasks);
        Thread.sleep(500);
        Map<String, Long> after = threadTicks(tasks);
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString();
    }

    private static Map<String, Long> threadTicks(Path tasks) throws IOException {
        Map<String, Long> ticks = new java.util.HashMap<>();
        try (var dirs = Files.list(tasks)) {
            for (Path task : dirs.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip() + "#" + task.getFileName();
                    ticks.put(name, ticks(Files.readString(task.resolve("stat"))));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is [0], utime is [11], stime is [12]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long cpuTicks() throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(server.pid()), "stat")));
    }

    static final class OnH2 extends HostileGuestCodeTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends HostileGuestCodeTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
