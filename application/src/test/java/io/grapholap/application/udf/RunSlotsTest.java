package io.grapholap.application.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunSlotsTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r));
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        threads.shutdownNow();
    }

    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    /** A run that holds its slot until the test releases it. */
    private CompletableFuture<String> held(RunSlots slots, String user, String org, CountDownLatch started) {
        return CompletableFuture.supplyAsync(() -> slots.run(user, org, in(LONG), LONG, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }), callers);
    }

    @Test
    void theBodyRunsOnAPlatformThreadOfThePoolAndItsErrorsComeBackUnwrapped() {
        RunSlots slots = new RunSlots(threads, new RunSlots.Limits(1, 0, 1, 1, Duration.ZERO));
        Thread caller = Thread.currentThread();
        Thread ran = slots.run("alice", "acme", in(LONG), LONG, Thread::currentThread);
        assertThat(ran).isNotSameAs(caller);
        assertThat(ran.isVirtual()).isFalse();
        assertThatThrownBy(() -> slots.run("alice", "acme", in(LONG), LONG, () -> {
            throw new ValidationException("code", "bad");
        })).isInstanceOf(ValidationException.class).hasMessageContaining("bad");
        assertThat(slots.free()).isEqualTo(1);
    }

    @Test
    void aUserOrAnOrganisationOverItsLimitIsRefusedWith429() throws Exception {
        RunSlots slots = new RunSlots(threads, new RunSlots.Limits(4, 4, 1, 2, Duration.ZERO));
        CountDownLatch started = new CountDownLatch(2);
        CompletableFuture<String> first = held(slots, "alice", "acme", started);
        CompletableFuture<String> second = held(slots, "bob", "acme", started);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run("alice", "globex", in(LONG), LONG, () -> "x"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("user alice")
                .extracting(e -> ((DomainException) e).code()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
        assertThatThrownBy(() -> slots.run("carol", "acme", in(LONG), LONG, () -> "x"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("organization acme");
        assertThat(slots.run("carol", "globex", in(LONG), LONG, () -> "free")).isEqualTo("free");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(slots.run("alice", "acme", in(LONG), LONG, () -> "again")).isEqualTo("again");
    }

    @Test
    void aRunWaitsForASlotUntilItsDeadlineAndPastAFullQueueIsRefused() throws Exception {
        RunSlots slots = new RunSlots(threads, new RunSlots.Limits(1, 1, 9, 9, Duration.ZERO));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> running = held(slots, "alice", "acme", started);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                () -> slots.run("bob", "acme", in(LONG), LONG, () -> "after"), callers);
        while (slots.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> slots.run("carol", "acme", in(LONG), LONG, () -> "x"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("busy");
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("after");
    }

    @Test
    void aRunThatFindsNoSlotBeforeItsDeadlineTimesOut() throws Exception {
        RunSlots slots = new RunSlots(threads, new RunSlots.Limits(1, 1, 9, 9, Duration.ZERO));
        CountDownLatch started = new CountDownLatch(1);
        held(slots, "alice", "acme", started);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> slots.run("bob", "acme", in(Duration.ofMillis(50)), Duration.ofMillis(50), () -> "x"))
                .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("waiting for a free run slot");
    }

    @Test
    void aBodyThatIgnoresItsDeadlineIsAbandonedAndKeepsItsSlotUntilItEnds() throws Exception {
        RunSlots slots = new RunSlots(threads, new RunSlots.Limits(1, 0, 9, 9, Duration.ofMillis(20)));
        CountDownLatch ended = new CountDownLatch(1);
        // half a second: long enough for the body to start on a loaded machine, so that it is abandoned, not dropped
        Duration timeout = Duration.ofMillis(500);
        assertThatThrownBy(() -> slots.run("alice", "acme", in(timeout), timeout, () -> {
            try {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignoredLikeHostileCode) {
                        // a guest that ignores being interrupted
                    }
                }
                return "late";
            } finally {
                ended.countDown();
            }
        })).isInstanceOf(OperationTimeoutException.class);
        assertThat(slots.abandoned()).isEqualTo(1);
        assertThat(slots.free()).isZero();
        assertThatThrownBy(() -> slots.run("bob", "acme", in(LONG), LONG, () -> "x")).isInstanceOf(RateLimitedException.class);

        release.countDown();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        while (slots.free() == 0) {
            Thread.onSpinWait();
        }
        assertThat(slots.run("bob", "acme", in(LONG), LONG, () -> "x")).isEqualTo("x");
    }
}
