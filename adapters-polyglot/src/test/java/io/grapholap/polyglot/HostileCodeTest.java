package io.grapholap.polyglot;

import static io.grapholap.polyglot.TestGraphs.PEOPLE;
import static io.grapholap.polyglot.TestGraphs.RUNTIME;
import static io.grapholap.polyglot.TestGraphs.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionFailedException;
import io.grapholap.application.function.Language;
import io.grapholap.application.function.RunLimits;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-code suite: code that reaches for host classes, other languages, files, processes,
 * sockets, the environment or threads, or that loops, recurses, allocates or answers without end.
 * Each case must fail with a clear error within its limit, while a normal run on another thread
 * keeps succeeding during the whole suite and after it.
 */
class HostileCodeTest {

    private static final RunLimits SHORT = new RunLimits(Duration.ofSeconds(3), 1 << 16);
    /** For Python code that imports large standard modules, slow to read in interpreter mode. */
    private static final RunLimits IMPORTING = new RunLimits(Duration.ofSeconds(15), 1 << 16);
    /** Slack on top of a timeout on our shared, busy test machines. */
    private static final Duration SLACK = Duration.ofSeconds(20);

    private static final AtomicBoolean running = new AtomicBoolean(true);
    private static final AtomicInteger normalRuns = new AtomicInteger();
    private static final List<Throwable> normalFailures = new ArrayList<>();
    private static Thread neighbour;

    @BeforeAll
    static void startNeighbour() throws InterruptedException {
        // time limits are checked from here on: let the pools warm first, as a server does at start-up
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((RUNTIME.readyContexts(Language.PYTHON) < 2 || RUNTIME.readyContexts(Language.JS) < 2)
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        neighbour = Thread.ofPlatform().name("normal-runs").start(() -> {
            while (running.get()) {
                try {
                    Object out = TestGraphs.execute(Language.JS,
                            "function task(g, args) { return g.statistics().vertex_count + args.n; }", Map.of("n", 1));
                    if (!Integer.valueOf(7).equals(out)) {
                        throw new AssertionError("normal run answered " + out);
                    }
                    normalRuns.incrementAndGet();
                    Thread.sleep(20);
                } catch (Throwable t) {
                    synchronized (normalFailures) {
                        normalFailures.add(t);
                    }
                }
            }
        });
    }

    @AfterAll
    static void neighbourKeptSucceeding() throws InterruptedException {
        int before = normalRuns.get();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (normalRuns.get() < before + 3 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        running.set(false);
        neighbour.join(30_000);
        synchronized (normalFailures) {
            assertThat(normalFailures).isEmpty();
        }
        assertThat(normalRuns.get()).as("normal runs after the suite").isGreaterThanOrEqualTo(before + 3);
        assertThat(TestGraphs.execute(Language.PYTHON, "def task(g, args):\n    return args['n'] * 2", Map.of("n", 21)))
                .isEqualTo(42);
    }

    private static DomainException fails(Language language, String code) {
        return fails(language, code, SHORT);
    }

    private static DomainException fails(Language language, String code, RunLimits limits) {
        long start = System.nanoTime();
        Throwable t = null;
        try {
            RUNTIME.run(invocation(language, code, EntryPoint.EXECUTE, List.of(PEOPLE, Map.of()), Map.of(), limits));
        } catch (Throwable e) {
            t = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(language + " failed in " + took.toMillis() + " ms with " + t + ": " + code.replace('\n', ' '));
        assertThat(t).as("hostile code must fail: " + code).isInstanceOf(DomainException.class);
        assertThat(took).as("time to fail").isLessThan(limits.timeout().plus(SLACK));
        return (DomainException) t;
    }

    // ---- JavaScript ----

    @Test
    void jsHostClassesAreNotReachable() {
        assertThat(fails(Language.JS, "function task(g, a) { return Java.type('java.lang.Runtime').getRuntime(); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("host class java.lang.Runtime is not allowed");
        assertThat(fails(Language.JS, "function task(g, a) { return java.lang.System.getenv(); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("java is not defined");
        assertThat(fails(Language.JS, "function task(g, a) { return Packages.java.io.File; }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("Packages is not defined");
        // reflection on the graph object: it is a plain JS object, with no Java class behind it
        assertThat(fails(Language.JS, "function task(g, a) { return g.getClass().forName('java.lang.Runtime'); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("TypeError");
    }

    @Test
    void jsOtherLanguagesAreNotReachable() {
        assertThat(fails(Language.JS, "function task(g, a) { return Polyglot.eval('python', '1 + 1'); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("Polyglot is not defined");
        assertThat(fails(Language.JS, "function task(g, a) { return Polyglot.import('x'); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("Polyglot is not defined");
        assertThat(fails(Language.JS, "function task(g, a) { return Graal.versionJS; }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("Graal is not defined");
    }

    @Test
    void jsFilesProcessesSocketsEnvironmentAndThreadsAreNotReachable() {
        assertThat(fails(Language.JS, "function task(g, a) { return load('/etc/passwd'); }"))
                .hasMessageContaining("load is not defined");
        assertThat(fails(Language.JS, "function task(g, a) { return require('fs').readFileSync('/etc/passwd'); }"))
                .hasMessageContaining("library 'fs' is not available");
        assertThat(fails(Language.JS, "function task(g, a) { return require('child_process').execSync('id'); }"))
                .hasMessageContaining("library 'child_process' is not available");
        assertThat(fails(Language.JS, "function task(g, a) { return require('net').connect(5432); }"))
                .hasMessageContaining("library 'net' is not available");
        assertThat(fails(Language.JS, "function task(g, a) { return process.env; }"))
                .hasMessageContaining("process is not defined");
        assertThat(fails(Language.JS, "function task(g, a) { return new Worker('x.js'); }"))
                .hasMessageContaining("Worker is not defined");
    }

    @Test
    void jsInfiniteLoopTimesOut() {
        assertThat(fails(Language.JS, "function task(g, a) { while (true) {} }")).isInstanceOf(OperationTimeoutException.class);
    }

    @Test
    void jsDeepRecursionFails() {
        assertThat(fails(Language.JS, "function f(n) { return f(n + 1) + 1; }\nfunction task(g, a) { return f(0); }"))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("stack");
    }

    @Test
    void jsHugeAllocationFails() {
        assertThat(fails(Language.JS, "function task(g, a) { return new ArrayBuffer(2 ** 34); }"))
                .isInstanceOf(FunctionFailedException.class);
        DomainException e = fails(Language.JS,
                "function task(g, a) { const keep = []; while (true) { keep.push(new Array(1 << 20).fill(keep.length)); } }");
        assertThat(e).satisfiesAnyOf(
                x -> assertThat(x).isInstanceOf(FunctionFailedException.class).hasMessageContaining("memory"),
                x -> assertThat(x).isInstanceOf(OperationTimeoutException.class));
    }

    @Test
    void jsHugeOutputIsRefused() {
        assertThat(fails(Language.JS, "function task(g, a) { return 'x'.repeat(1 << 22); }"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("output"));
        assertThat(fails(Language.JS, "function task(g, a) { return Array.from({length: 1 << 15}, (_, i) => i); }"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("output"));
        assertThat(fails(Language.JS, "function task(g, a) { const o = {}; o.self = o; return o; }"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("output"));
    }

    // ---- Python ----

    @Test
    void pythonSandboxProbesAllFail() {
        // one run tries every door and reports how each one failed; Python contexts are costly to build
        Object out = RUNTIME.run(invocation(Language.PYTHON, """
                def attempt(fn):
                    try:
                        fn()
                        return 'OPEN'
                    except BaseException as e:
                        return type(e).__name__ + ': ' + str(e)

                def host_class():
                    import java
                    return java.type('java.lang.Runtime')

                def polyglot_eval():
                    import polyglot
                    return polyglot.eval(language='js', string='1 + 1')

                def polyglot_import():
                    import polyglot
                    return polyglot.import_value('secret')

                def read_file():
                    with open('/etc/passwd') as f:
                        return f.read()

                def list_dir():
                    import os
                    return os.listdir('/')

                def environment():
                    import os
                    return os.environ['PATH']

                def ctypes_load():
                    import ctypes
                    return ctypes.CDLL('libc.so.6')

                def task(g, args):
                    probes = [host_class, polyglot_eval, polyglot_import, read_file, list_dir, environment, ctypes_load]
                    return {p.__name__: attempt(p) for p in probes}
                """, EntryPoint.EXECUTE, List.of(PEOPLE, Map.of()), Map.of(), new RunLimits(Duration.ofSeconds(30), 1 << 20)));
        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = (Map<String, Object>) out;
        System.out.println("python probes: " + outcomes);
        assertThat(outcomes).hasSize(7);
        outcomes.forEach((probe, outcome) -> assertThat(String.valueOf(outcome)).as(probe)
                .isNotEqualTo("OPEN").matches("^[A-Za-z]*(Error|Exception|Exit)\\b.*"));
        assertThat(String.valueOf(outcomes.get("environment"))).startsWith("KeyError");
    }

    @Test
    void pythonProcessesThreadsAndSocketsAreNotReachable() {
        assertThat(fails(Language.PYTHON, "import os\ndef task(g, args):\n    return os.system('id')", IMPORTING))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessage("the sandbox does not allow this: Process creation is not allowed");
        assertThat(fails(Language.PYTHON, "import threading\ndef task(g, args):\n"
                + "    t = threading.Thread(target=print)\n    t.start()\n    t.join()", IMPORTING))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessage("the sandbox does not allow this: Creating threads is not allowed.");
        assertThat(fails(Language.PYTHON, "import socket\ndef task(g, args):\n"
                + "    return str(socket.create_connection(('127.0.0.1', 5432), timeout=1))", IMPORTING))
                .isInstanceOf(FunctionFailedException.class).hasMessageStartingWith("the sandbox does not allow this");
    }

    @Test
    void pythonInfiniteLoopTimesOut() {
        assertThat(fails(Language.PYTHON, "def task(g, args):\n    while True:\n        pass"))
                .isInstanceOf(OperationTimeoutException.class);
    }

    @Test
    void pythonDeepRecursionFails() {
        assertThat(fails(Language.PYTHON, "def f(n):\n    return f(n + 1) + 1\n\ndef task(g, args):\n    return f(0)",
                IMPORTING))
                .isInstanceOfSatisfying(FunctionFailedException.class, e ->
                        assertThat(e.getMessage()).containsAnyOf("RecursionError", "stack"));
    }

    @Test
    void pythonGrowingAllocationIsStoppedByTheMemoryGuard() {
        // 64 MiB per step: live data passes the guard's share of the old generation long before the timeout
        assertThat(fails(Language.PYTHON, "def task(g, args):\n    keep = []\n    while True:\n"
                + "        keep.append(bytearray(1 << 26))", new RunLimits(Duration.ofSeconds(60), 1 << 16)))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessageStartingWith("the function was stopped by the memory limit");
    }

    @Test
    void pythonHugeAllocationAndOutputFail() {
        assertThat(fails(Language.PYTHON, "def task(g, args):\n    return bytearray(1 << 40)", IMPORTING))
                .isInstanceOf(FunctionFailedException.class);
        assertThat(fails(Language.PYTHON, "def task(g, args):\n    return 'x' * (1 << 22)", IMPORTING))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("output"));
    }
}
