package io.grapholap.application.algorithm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How much host memory a run may still take. The server's answer is the heap headroom of this JVM;
 * tests give a fixed figure.
 */
@FunctionalInterface
public interface HostMemory {

    long availableBytes();

    /**
     * The maximum heap less what the heap pools held after their last collection: what survived a
     * collection is live, while what was allocated since may be garbage the next one frees, so the
     * bytes in use right now would refuse runs that fit. Before any collection the whole heap counts
     * as available.
     */
    static HostMemory jvmHeap() {
        return () -> {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (afterGc != null) {
                    live += afterGc.getUsed();
                }
            }
            return Math.max(0, Runtime.getRuntime().maxMemory() - live);
        };
    }
}
