package io.grapholap.application.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.LdbcExampleGraphs.Kernel;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Graphalytics kernel an engine advertises must reproduce the LDBC Graphalytics reference
 * outputs of both example graphs ({@link LdbcExampleGraphs}). A subclass per engine supplies the engine
 * and a snapshot writer. Each graph is loaded once and every kernel run on it (a load is seconds on an
 * out-of-process engine); the failure lists every kernel that disagreed, each with its first difference.
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

    @ParameterizedTest
    @EnumSource(LdbcExampleGraphs.class)
    void everyKernelMatchesTheReferenceOutputs(LdbcExampleGraphs graph) {
        List<Kernel> kernels = Arrays.stream(Kernel.values()).filter(k -> engine().info().runs(k.algorithm()))
                .toList();
        Assumptions.assumeFalse(kernels.isEmpty(), () -> engine().info().name() + " runs no Graphalytics kernel");
        Path dir = graph.write(writers(), tmp.resolve(graph.file()));
        List<String> disagreements = new ArrayList<>();
        try (GraphInstance g = engine().load(dir, graph.options(options()), ProgressListener.NONE,
                CancellationToken.create())) {
            for (Kernel kernel : kernels) {
                AlgorithmResult result = g.run(graph.params(kernel), ExecutionContext.of(2));
                try {
                    graph.check(kernel, result);
                } catch (AssertionError e) {
                    disagreements.add(e.getMessage());
                }
            }
        }
        assertThat(disagreements).as("%s on %s, kernels %s", engine().info().name(), graph.file(), kernels)
                .isEmpty();
    }
}
