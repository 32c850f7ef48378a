package io.grapholap.graph.csr;

/**
 * A graph instance of any engine that keeps its graph in host memory as a {@link CsrGraph}, so that
 * another engine can run over it where it is instead of loading it again (the CPU engine's fallback
 * for algorithms the instance's own engine lacks).
 */
public interface CsrBacked {

    /** The host graph as later calls see it (with the vertex properties stored so far). */
    CsrGraph hostGraph();

    /** The threads that compute over the host graph (the instance's {@code cpu_cores}); another engine runs there too. */
    ComputePool hostThreads();
}
