package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.BfsParams;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Breadth-first search depths from one source along out-arcs (LDBC Graphalytics BFS), direction
 * optimising (Beamer et al.): top-down steps expand the frontier queue and claim vertices with a
 * compare-and-set; once the frontier's arcs outweigh the unexplored ones it switches to bottom-up
 * steps, where every unvisited vertex looks through its in-arcs for a parent in the frontier
 * bitmap, and back when the frontier is small again.
 */
public final class Bfs {

    /** Depth of a vertex the search does not reach. */
    public static final int UNREACHED = -1;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int ALPHA = 14;
    private static final int BETA = 24;

    /** Depths by dense vertex id, {@link #UNREACHED} where unreachable. */
    public record Result(int[] depths, int levels, int reached) {
    }

    private final Topology g;
    private final int source;
    private final Parallel parallel;
    private final Progress progress;

    public Bfs(Topology graph, int source, Parallel parallel, Progress progress) {
        this.g = graph;
        this.source = source;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] outT = g.outTargets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final int[] depth = new int[n];
        Arrays.fill(depth, UNREACHED);
        depth[source] = 0;
        // Grown to what a level needs: a search that turns bottom-up early never fills (or zeroes) n entries.
        int[] queue = new int[16];
        int[] nextQueue = new int[16];
        int queueSize = 1;
        queue[0] = source;
        long[] front = new long[(n + 63) >>> 6];
        long[] nextFront = new long[(n + 63) >>> 6];
        long unexploredArcs = g.arcs() - g.outDegree(source);
        long frontierArcs = g.outDegree(source);
        int frontierSize = 1;
        int previousSize = 0;
        int level = 0;
        int reached = 1;
        boolean bottomUp = false;
        final int workers = parallel.parallelism();
        final int bitmapChunk = parallel.chunkFor(n, 1 << 14) & ~63;
        while (frontierSize > 0) {
            parallel.check();
            if (!bottomUp && frontierArcs > unexploredArcs / ALPHA) {
                Arrays.fill(front, 0L);
                for (int i = 0; i < queueSize; i++) {
                    int v = queue[i];
                    front[v >>> 6] |= 1L << v;
                }
                bottomUp = true;
            } else if (bottomUp && frontierSize < previousSize && frontierSize < n / BETA) {
                if (queue.length < frontierSize) {
                    queue = new int[Math.max(frontierSize, queue.length * 2)];
                }
                int k = 0;
                for (int wi = 0; wi < front.length; wi++) {
                    long word = front[wi];
                    while (word != 0) {
                        queue[k++] = (wi << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                    }
                }
                queueSize = k;
                bottomUp = false;
            }
            final int nextLevel = level + 1;
            final long[] found = new long[workers];
            final long[] arcsOut = new long[workers];
            if (bottomUp) {
                final long[] cur = front;
                final long[] next = nextFront;
                parallel.forRange(n, bitmapChunk, (w, from, to) -> {
                    long hits = 0;
                    long arcs = 0;
                    for (int wi = from >>> 6, wEnd = (to + 63) >>> 6; wi < wEnd; wi++) {
                        next[wi] = 0L;
                    }
                    for (int v = from; v < to; v++) {
                        if (depth[v] != UNREACHED) {
                            continue;
                        }
                        for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
                            int u = inS[e];
                            if ((cur[u >>> 6] & (1L << u)) != 0) {
                                depth[v] = nextLevel;
                                next[v >>> 6] |= 1L << v;
                                hits++;
                                arcs += outOff[v + 1] - outOff[v];
                                break;
                            }
                        }
                    }
                    found[w] += hits;
                    arcsOut[w] += arcs;
                });
                front = next;
                nextFront = cur;
            } else {
                final int[] q = queue;
                final int qs = queueSize;
                final int[][] local = new int[workers][];
                final int[] localSize = new int[workers];
                parallel.forRange(qs, Math.max(64, qs / (workers * 16)), (w, from, to) -> {
                    int[] buf = local[w];
                    if (buf == null) {
                        buf = new int[1024];
                        local[w] = buf;
                    }
                    int size = localSize[w];
                    long arcs = 0;
                    for (int i = from; i < to; i++) {
                        int u = q[i];
                        for (int e = outOff[u], end = outOff[u + 1]; e < end; e++) {
                            int v = outT[e];
                            if (depth[v] == UNREACHED && INTS.compareAndSet(depth, v, UNREACHED, nextLevel)) {
                                if (size == buf.length) {
                                    buf = Arrays.copyOf(buf, buf.length * 2);
                                    local[w] = buf;
                                }
                                buf[size++] = v;
                                arcs += outOff[v + 1] - outOff[v];
                            }
                        }
                    }
                    localSize[w] = size;
                    arcsOut[w] += arcs;
                });
                int total = 0;
                for (int w = 0; w < workers; w++) {
                    total += localSize[w];
                }
                if (nextQueue.length < total) {
                    nextQueue = new int[Math.max(total, Math.min(n, nextQueue.length * 2))];
                }
                int k = 0;
                for (int w = 0; w < workers; w++) {
                    if (local[w] != null) {
                        System.arraycopy(local[w], 0, nextQueue, k, localSize[w]);
                        k += localSize[w];
                    }
                    found[w] = localSize[w];
                }
                int[] t = queue;
                queue = nextQueue;
                nextQueue = t;
                queueSize = k;
            }
            long hits = 0;
            long arcs = 0;
            for (int w = 0; w < workers; w++) {
                hits += found[w];
                arcs += arcsOut[w];
            }
            previousSize = frontierSize;
            frontierSize = (int) hits;
            frontierArcs = arcs;
            unexploredArcs -= arcs;
            reached += frontierSize;
            if (frontierSize > 0) {
                level = nextLevel;
            }
            progress.report(reached, n);
        }
        return new Result(depth, level, reached);
    }

    /** The CPU kernel of {@code bfs}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<BfsParams> {
        @Override
        public Class<BfsParams> params() {
            return BfsParams.class;
        }

        @Override
        public void run(BfsParams p, CpuRun run) {
            int source = run.vertex("source", p.source());
            Result r = new Bfs(run.topology(), source, run.parallel(), run.progress()).compute();
            int[] depths = r.depths();
            long[] depth = new long[depths.length];
            run.parallel().forRange(depth.length, run.parallel().chunkFor(depth.length, 1 << 14), (w, from, to) -> {
                for (int v = from; v < to; v++) {
                    int d = depths[v];
                    depth[v] = d == UNREACHED ? BfsParams.UNREACHABLE : d;
                }
            });
            run.perVertex("depth", Column.ofLongs(depth));
            run.stat("reached", r.reached());
            run.stat("max_depth", r.levels());
        }
    }
}
