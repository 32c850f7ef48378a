package io.grapholap.polyglot;

import io.grapholap.application.function.Language;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Creates the function runtime when the server starts, so that its context pools (Python's above
 * all, a good part of a second per context) warm in the background before the first run instead of
 * during it, and then, on one background thread, runs a small function {@code js-warm-up-runs} times
 * in JavaScript and {@code python-warm-up-runs} times in Python (each language at most
 * {@code warm-up-budget}): until the JIT has compiled the interpreters' run path, a trivial
 * JavaScript run costs a few milliseconds instead of a fraction of one.
 * {@code grapholap.udf.runtime.warm-at-startup=false} leaves the runtime to be created on first use.
 */
@Singleton
@Requires(property = "grapholap.udf.runtime.warm-at-startup", notEquals = "false")
final class RuntimeWarmer implements ApplicationEventListener<StartupEvent> {

    private static final System.Logger LOG = System.getLogger(RuntimeWarmer.class.getName());

    private final Provider<GraalFunctionRuntime> runtime;
    private final int jsRuns;
    private final int pythonRuns;
    private final Duration budget;

    RuntimeWarmer(Provider<GraalFunctionRuntime> runtime,
                  @Value("${grapholap.udf.runtime.js-warm-up-runs:2000}") int jsRuns,
                  @Value("${grapholap.udf.runtime.python-warm-up-runs:10}") int pythonRuns,
                  @Value("${grapholap.udf.runtime.warm-up-budget:30s}") Duration budget) {
        if (jsRuns < 0 || pythonRuns < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("grapholap.udf.runtime warm-up runs and budget must not be negative");
        }
        this.runtime = runtime;
        this.jsRuns = jsRuns;
        this.pythonRuns = pythonRuns;
        this.budget = budget;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        GraalFunctionRuntime functions = runtime.get();
        if (jsRuns == 0 && pythonRuns == 0) {
            return;
        }
        Thread.ofPlatform().daemon().name("udf-jit-warm-up").start(() -> {
            long start = System.nanoTime();
            int js = functions.warmUp(Language.JS, jsRuns, budget);
            long mid = System.nanoTime();
            int python = functions.warmUp(Language.PYTHON, pythonRuns, budget);
            LOG.log(System.Logger.Level.INFO, "UDF runtime warmed up: {0} JavaScript runs in {1} ms, {2} Python runs in {3} ms",
                    js, (mid - start) / 1_000_000, python, (System.nanoTime() - mid) / 1_000_000);
        });
    }
}
