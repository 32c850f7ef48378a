package io.grapholap.engine.cpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.gremlin.csr.CsrGraphInstance;

/** A snapshot loaded by the CPU engine: the shared host graph parts and the CPU kernels over them. */
public final class CpuGraphInstance extends CsrGraphInstance {

    public static final String ENGINE = "cpu";

    /** An instance over {@code graph} that owns {@code threads}. */
    public CpuGraphInstance(CsrGraph graph, ComputePool threads) {
        super(graph, threads);
    }

    /** An instance over {@code graph} with threads of its own, {@code parallelism} of them (tools and tests). */
    public CpuGraphInstance(CsrGraph graph, int parallelism) {
        this(graph, ComputePool.create(ENGINE, parallelism));
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
        return CpuAlgorithms.run(graph(), threads().loops(), params, ctx == null ? ExecutionContext.of(parallelism()) : ctx);
    }
}
