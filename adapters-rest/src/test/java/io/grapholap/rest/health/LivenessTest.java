package io.grapholap.rest.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LivenessTest {

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void healthyWhileHandlersAndEventLoopsRunProbes() throws Exception {
        ExecutorService handlers = Executors.newSingleThreadExecutor();
        DefaultEventLoop loop = new DefaultEventLoop();
        Liveness liveness = new Liveness(handlers, List.<EventExecutor>of(loop), Duration.ofSeconds(1), Duration.ZERO);
        try {
            Thread.sleep(2_500);
            assertThat(liveness.healthy()).isTrue();
            assertThat(liveness.stuckFor()).isLessThan(Duration.ofSeconds(1));
        } finally {
            liveness.close();
            handlers.shutdownNow();
            loop.shutdownGracefully();
        }
    }

    @Test
    void unhealthyOnceTheRequestHandlersAreStuck() throws Exception {
        ExecutorService handlers = Executors.newSingleThreadExecutor();
        CountDownLatch unblock = new CountDownLatch(1);
        DefaultEventLoop loop = new DefaultEventLoop();
        Liveness liveness = new Liveness(handlers, List.<EventExecutor>of(loop), Duration.ofSeconds(1), Duration.ZERO);
        try {
            handlers.execute(() -> {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            awaitUntil(() -> !liveness.healthy());
            assertThat(liveness.stuckFor()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            unblock.countDown();
            awaitUntil(liveness::healthy);
        } finally {
            liveness.close();
            handlers.shutdownNow();
            loop.shutdownGracefully();
        }
    }

    @Test
    void unhealthyOnceAnEventLoopIsStuck() throws Exception {
        ExecutorService handlers = Executors.newSingleThreadExecutor();
        CountDownLatch unblock = new CountDownLatch(1);
        DefaultEventLoop healthyLoop = new DefaultEventLoop();
        DefaultEventLoop stuckLoop = new DefaultEventLoop();
        Liveness liveness = new Liveness(handlers, List.<EventExecutor>of(healthyLoop, stuckLoop), Duration.ofSeconds(1),
                Duration.ZERO);
        try {
            stuckLoop.execute(() -> {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            awaitUntil(() -> !liveness.healthy());
            unblock.countDown();
            awaitUntil(liveness::healthy);
        } finally {
            liveness.close();
            handlers.shutdownNow();
            healthyLoop.shutdownGracefully();
            stuckLoop.shutdownGracefully();
        }
    }
}
