package io.grapholap.application.algorithm;

/**
 * How much host memory a run may still take. The server's answer is the heap headroom of this JVM;
 * tests give a fixed figure.
 */
@FunctionalInterface
public interface HostMemory {

    long availableBytes();

    /** What the JVM can still allocate: its maximum heap less what is in use now. */
    static HostMemory jvmHeap() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        };
    }
}
