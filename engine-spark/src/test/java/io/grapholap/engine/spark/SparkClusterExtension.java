package io.grapholap.engine.spark;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a {@link SparkGraphEngine} on the shared standalone cluster ({@link SparkCluster}):
 * its own driver JVM, work directory under target/, stopped after the class. The test class reads it
 * through {@link #current()}.
 */
final class SparkClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static SparkGraphEngine current;
    private static BufferAllocator allocator;

    @Override
    public void beforeAll(ExtensionContext context) {
        SparkCluster cluster = SparkCluster.shared(context);
        Path work = Path.of("target", "spark-work", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        allocator = new RootAllocator();
        current = new SparkGraphEngine(allocator,
                SparkCluster.settings(work).withMaster(cluster.masterUrl()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            current = null;
            if (allocator != null) {
                allocator.close();
                allocator = null;
            }
        }
    }

    /** The engine of the test class running now. */
    static SparkGraphEngine current() {
        return current;
    }

    /** The Arrow allocator the engine loads on; snapshot writers of the test class use it too. */
    static BufferAllocator allocator() {
        return allocator;
    }
}
