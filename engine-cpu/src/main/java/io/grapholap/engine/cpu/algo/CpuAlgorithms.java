package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.ServiceLoader;

/**
 * The CPU engine's algorithm entry point: finds the {@link CpuKernel} of the parameters' algorithm
 * (kernels are found through {@link ServiceLoader}, not listed here), runs it with the context's
 * parallelism, termination flag and progress, and returns a columnar result whose first column
 * {@code id} holds the original vertex keys. {@code stats} always has {@code run_millis}.
 */
public final class CpuAlgorithms {

    public static final String ENGINE = "cpu";

    private static final Map<Class<?>, CpuKernel<?>> KERNELS = load();

    private CpuAlgorithms() {
    }

    private static Map<Class<?>, CpuKernel<?>> load() {
        Map<Class<?>, CpuKernel<?>> kernels = new LinkedHashMap<>();
        for (CpuKernel<?> k : ServiceLoader.load(CpuKernel.class, CpuAlgorithms.class.getClassLoader())) {
            if (kernels.putIfAbsent(k.params(), k) != null) {
                throw new IllegalStateException("two CPU kernels for " + k.params().getSimpleName());
            }
        }
        return kernels;
    }

    /** The registry names of the algorithms with a CPU kernel. */
    public static List<String> algorithms() {
        return KERNELS.values().stream().map(CpuAlgorithms::name).toList();
    }

    private static String name(CpuKernel<?> kernel) {
        return AlgorithmRegistry.all().stream()
                .filter(d -> d.type() == kernel.params()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no algorithm definition for " + kernel.params()))
                .name();
    }

    /** Runs {@code p} on a pool of {@code ctx.parallelism()} threads made for this run alone (tools and tests). */
    public static AlgorithmResult run(CsrGraph graph, AlgorithmParams p, ExecutionContext ctx) {
        try (ComputePool threads = ComputePool.create(ENGINE + "-run", ctx.parallelism())) {
            return run(graph, threads.loops(), p, ctx);
        }
    }

    /** Runs {@code p} on {@code pool}, the threads of the instance that holds the graph, with at most {@code ctx.parallelism()} of them. */
    public static AlgorithmResult run(CsrGraph graph, ForkJoinPool pool, AlgorithmParams p, ExecutionContext ctx) {
        String name = p.algorithm();
        CpuKernel<?> kernel = KERNELS.get(p.getClass());
        if (kernel == null) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "the cpu engine has no kernel for "
                    + name, Map.of("algorithm", name, "engine", ENGINE, "supported", algorithms()));
        }
        Parallel parallel = new Parallel(pool, ctx.parallelism(), () -> ctx.cancel().throwIfCancelled(name));
        parallel.check();
        CpuRun run = new CpuRun(graph, topology(graph, null), parallel, throttled(name, ctx));
        long started = System.nanoTime();
        runKernel(kernel, p, run);
        run.stats.put("run_millis", (System.nanoTime() - started) / 1_000_000L);
        ctx.progress().progress(name, 1.0, "done");
        return new AlgorithmResult(name, ENGINE, run.names, run.columns, run.stats);
    }

    private static <P extends AlgorithmParams> void runKernel(CpuKernel<P> kernel, AlgorithmParams p, CpuRun run) {
        kernel.run(kernel.params().cast(p), run);
    }

    /** The graph's arrays as a kernel topology (no copy). */
    public static Topology topology(CsrGraph graph, double[] outWeights) {
        return new Topology(graph.vertexCount(), graph.isDirected(), graph.outOffsets(), graph.outTargets(),
                graph.inOffsets(), graph.inSources(), outWeights);
    }

    /** Forwards kernel progress to the context at most about five times a second. */
    private static Progress throttled(String name, ExecutionContext ctx) {
        long[] last = {0L};
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (now - last[0] < 200_000_000L && done < total) {
                    return;
                }
                last[0] = now;
            }
            double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
            ctx.progress().progress(name, fraction, done + "/" + total);
        };
    }
}
