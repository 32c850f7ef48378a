package io.grapholap.polyglot;

import static io.grapholap.polyglot.TestGraphs.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.function.Language;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up warm-up: it runs its function in each language, within its budget, and stops with the runtime. */
class WarmUpTest {

    @Test
    void warmUpRunsItsFunctionTheAskedNumberOfTimesInBothLanguages() {
        assertThat(RUNTIME.warmUp(Language.JS, 25, Duration.ofSeconds(30))).isEqualTo(25);
        assertThat(RUNTIME.warmUp(Language.PYTHON, 2, Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(TestGraphs.execute(Language.JS, "function task(g, args) { return args.x + 1; }", Map.of("x", 1)))
                .isEqualTo(2);
    }

    @Test
    void aSpentBudgetEndsTheWarmUpEarly() {
        assertThat(RUNTIME.warmUp(Language.JS, 1_000_000, Duration.ofMillis(200))).isBetween(1, 999_999);
        assertThat(RUNTIME.warmUp(Language.JS, 10, Duration.ZERO)).isZero();
    }

    @Test
    void aClosedRuntimeIsNotWarmed() {
        GraalFunctionRuntime runtime = new GraalFunctionRuntime(
                new PolyglotSettings(1, 0, 1_000, 1_000, 0.6, Duration.ofSeconds(5)));
        assertThat(runtime.warmUp(Language.JS, 3, Duration.ofSeconds(30))).isEqualTo(3);
        runtime.close();
        assertThat(runtime.warmUp(Language.JS, 3, Duration.ofSeconds(30))).isZero();
    }
}
