package io.grapholap.application.graph;

import io.grapholap.application.graph.LdbcExampleGraphs.Kernel;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Graphalytics kernel an engine advertises must reproduce the LDBC Graphalytics reference
 * outputs of both example graphs ({@link LdbcExampleGraphs}). A subclass per engine supplies the engine
 * and a snapshot writer; a kernel the engine does not advertise counts as skipped.
 */
public abstract class LdbcExampleGraphsContract {

    @TempDir
    protected Path tmp;

    /** The engine under test. */
    protected abstract GraphEngine engine();

    /** A writer for snapshots the engine can load. */
    protected abstract SnapshotWriterFactory writers();

    protected LoadOptions options() {
        return LoadOptions.defaults().withParallelism(2);
    }

    static Stream<Arguments> graphsAndKernels() {
        return Arrays.stream(LdbcExampleGraphs.values())
                .flatMap(g -> Arrays.stream(Kernel.values()).map(k -> Arguments.of(g, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("graphsAndKernels")
    void matchesTheReferenceOutput(LdbcExampleGraphs graph, Kernel kernel) {
        Assumptions.assumeTrue(engine().info().runs(kernel.algorithm()),
                () -> engine().info().name() + " does not run " + kernel.algorithm());
        Path dir = graph.write(writers(), tmp.resolve(graph.name().toLowerCase()));
        try (GraphInstance g = engine().load(dir, graph.options(options()), ProgressListener.NONE,
                CancellationToken.create())) {
            graph.check(kernel, g.run(graph.params(kernel), ExecutionContext.of(2)));
        }
    }
}
