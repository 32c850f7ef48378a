package io.grapholap.bench;

/**
 * Peak heap in use while a run is in progress, sampled every 5 ms by a daemon thread. The figure
 * includes the graph held and garbage not yet collected, so it bounds from above what the run needed;
 * a spike shorter than the sampling period can be missed.
 */
final class PeakHeap implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxSampled;

    private PeakHeap() {
        maxSampled = usedHeap();
        sampler = Thread.ofPlatform().daemon().name("peak-heap").start(() -> {
            while (running) {
                long used = usedHeap();
                if (used > maxSampled) {
                    maxSampled = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static PeakHeap start() {
        return new PeakHeap();
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Heap in use after full collections: what is actually held. */
    static long retainedHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return usedHeap();
    }

    long peak() {
        return Math.max(maxSampled, usedHeap());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
