package io.grapholap.polyglot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Closing the runtime while its pools are still building contexts. An engine closed while another
 * thread initialises a language in one of its contexts deadlocks the two threads (a test server's
 * shutdown once hung the build that way), so close must first let the pools' builders finish, and
 * must return whatever they were doing.
 */
class RuntimeCloseTest {

    private static Set<Thread> poolBuilders() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("udf-warm-") && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void closeWaitsForTheContextsBeingBuiltAndReturns() throws InterruptedException {
        for (int delayMs : new int[] {0, 300, 900}) {
            Set<Thread> before = poolBuilders();
            GraalFunctionRuntime runtime = new GraalFunctionRuntime(
                    new PolyglotSettings(1, 2, 1_000, 1_000, 0.6, Duration.ofSeconds(5)));
            Thread.sleep(delayMs);
            Thread closing = Thread.ofPlatform().daemon().name("close-after-" + delayMs + "ms").start(runtime::close);
            assertThat(closing.join(Duration.ofSeconds(90))).as("close() %d ms after start returned", delayMs).isTrue();
            Set<Thread> left = poolBuilders();
            left.removeAll(before);
            assertThat(left).as("pool builders still running after close() (%d ms after start)", delayMs).isEmpty();
        }
    }
}
