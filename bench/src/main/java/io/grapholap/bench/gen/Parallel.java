package io.grapholap.bench.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Splits a range into chunks that a fixed number of platform threads take in turn. */
final class Parallel {

    interface RangeBody {
        void run(long from, long to);
    }

    private Parallel() {
    }

    static void forRange(int threads, long size, long chunk, RangeBody body) {
        if (size <= 0) {
            return;
        }
        if (threads <= 1 || size <= chunk) {
            body.run(0, size);
            return;
        }
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>(threads);
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            Thread worker = Thread.ofPlatform().name("gen-" + t).start(() -> {
                try {
                    long from;
                    while ((from = next.getAndAdd(chunk)) < size) {
                        body.run(from, Math.min(size, from + chunk));
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    next.set(size);
                }
            });
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while generating", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("generator thread failed", failure[0]);
            }
        }
    }
}
