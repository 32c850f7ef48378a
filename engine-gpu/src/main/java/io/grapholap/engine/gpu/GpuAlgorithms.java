package io.grapholap.engine.gpu;

import static io.grapholap.graph.csr.ResultColumns.gather;
import static io.grapholap.graph.csr.ResultColumns.numericKeys;
import static io.grapholap.graph.csr.ResultColumns.perVertex;
import static io.grapholap.graph.csr.ResultColumns.smallestKeyLabels;
import static io.grapholap.graph.csr.ResultColumns.vertex;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.application.graph.algo.DegreeParams;
import io.grapholap.application.graph.algo.LccParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.application.graph.algo.TriangleCountParams;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.graph.csr.CsrGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The algorithms the GPU engine runs on the device, with the same parameters, result columns and
 * key conventions as the CPU engine ({@code io.grapholap.engine.cpu.algo.CpuAlgorithms}): the first
 * column {@code id} holds the original keys; WCC labels a component by its smallest integer key
 * (otherwise by the key of its smallest dense id); CDLP starts from the integer keys (otherwise the
 * dense ids). Every run allocates its working buffers through {@link Run} and frees them when it
 * ends, also on error, so an out-of-memory run leaves the instance usable.
 */
final class GpuAlgorithms {

    static final String ENGINE = "gpu";

    /** One device kernel: runs inside {@link CudaDevice#call} and adds its columns and figures. */
    private interface Kernel {
        void run(Run run, DeviceGraph dg, CsrGraph graph, AlgorithmParams p, ExecutionContext ctx, List<String> names,
                 List<Column> columns, Map<String, Object> stats);
    }

    /**
     * The device kernels by parameter record; the engine advertises exactly these algorithms, and the
     * application runs the others elsewhere when a request says {@code engine=auto}.
     */
    private static final Map<Class<? extends AlgorithmParams>, Kernel> KERNELS = Map.of(
            PageRankParams.class, (run, dg, g, p, ctx, n, c, s) -> pageRank(run, dg, g, (PageRankParams) p,
                    Precision.of(ctx), ctx, n, c, s),
            BfsParams.class, (run, dg, g, p, ctx, n, c, s) -> bfs(run, dg, g,
                    vertex(g, "source", ((BfsParams) p).source()), ctx, n, c, s),
            WccParams.class, (run, dg, g, p, ctx, n, c, s) -> wcc(run, dg, g, ctx, n, c, s),
            SsspParams.class, (run, dg, g, p, ctx, n, c, s) -> sssp(run, dg, g,
                    vertex(g, "source", ((SsspParams) p).source()), ((SsspParams) p).weight(), ctx, n, c, s),
            CdlpParams.class, (run, dg, g, p, ctx, n, c, s) -> cdlp(run, dg, g, (CdlpParams) p, ctx, n, c, s),
            DegreeParams.class, (run, dg, g, p, ctx, n, c, s) -> degree(run, dg, g, (DegreeParams) p, n, c, s),
            TriangleCountParams.class, (run, dg, g, p, ctx, n, c, s) -> triangles(run, dg, g, n, c, s),
            LccParams.class, (run, dg, g, p, ctx, n, c, s) -> lcc(run, dg, g, n, c, s));

    /** PageRank's float width, the GPU engine's option {@code precision}. */
    static final ParamSpec PRECISION = ParamSpec.choice("precision", "fp64", List.of("fp64", "fp32"),
            "float width of the PageRank vectors on the device: fp64, or fp32 (half the memory traffic)");

    /** The options this engine takes beside the algorithms' parameters, by algorithm. */
    static final Map<String, List<ParamSpec>> OPTIONS = Map.of(PageRankParams.NAME, List.of(PRECISION));

    /** PageRank precision, from the run's {@code precision} option (checked by the application). */
    enum Precision {
        FP64, FP32;

        static Precision of(ExecutionContext ctx) {
            Object raw = ctx.engineOption(PRECISION.name());
            return raw == null ? FP64 : valueOf(String.valueOf(PRECISION.check(raw)).toUpperCase(Locale.ROOT));
        }
    }

    /** The registry names of the algorithms with device kernels, in registry order. */
    static List<String> algorithms() {
        return AlgorithmRegistry.all().stream().filter(d -> KERNELS.containsKey(d.type()))
                .map(AlgorithmDefinition::name).toList();
    }

    static boolean runs(AlgorithmParams p) {
        return KERNELS.containsKey(p.getClass());
    }

    /** Switch BFS to bottom-up when the frontier's arcs exceed the unexplored arcs / ALPHA. */
    private static final long ALPHA = 15;
    /** Switch back to top-down when a shrinking frontier has fewer than n / BETA vertices. */
    private static final long BETA = 18;

    private GpuAlgorithms() {
    }

    /** Runs {@code p} on the device; must run inside {@link CudaDevice#call}. */
    static AlgorithmResult run(CudaDevice device, DeviceGraph dg, CsrGraph graph, AlgorithmParams p,
                               ExecutionContext ctx) {
        String name = p.algorithm();
        long started = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        try (Run run = new Run(device)) {
            Kernel kernel = KERNELS.get(p.getClass());
            if (kernel == null) {
                throw new IllegalArgumentException("no GPU kernel for " + name);
            }
            kernel.run(run, dg, graph, p, ctx, names, columns, stats);
        } catch (RuntimeException e) {
            if (CudaDevice.isOutOfMemory(e)) {
                long[] info = new long[] {0, 0};
                try {
                    info = device.memoryInfo();
                } catch (RuntimeException ignored) {
                    // the error below is what matters; free memory is reported as 0 if it cannot be read
                }
                throw CudaDevice.outOfMemory(name, GpuMemory.workBytes(name, dg.n, dg.arcs, dg.directed), info[0]);
            }
            throw e;
        }
        stats.put("run_millis", (System.nanoTime() - started) / 1_000_000L);
        stats.put("vector_backend", device.vectors().backend());
        ctx.progress().progress(name, 1.0, "done");
        return new AlgorithmResult(name, ENGINE, names, columns, stats);
    }

    private static void pageRank(Run run, DeviceGraph dg, CsrGraph graph, PageRankParams pr, Precision precision,
                                 ExecutionContext ctx, List<String> names, List<Column> columns, Map<String, Object> stats) {
        int n = dg.n;
        double d = pr.damping();
        double delta = 0.0;
        double[] ranks = new double[n];
        if (n > 0) {
            CudaDevice dev = run.device;
            VectorOps ops = dev.vectors();
            boolean f32 = precision == Precision.FP32;
            long width = f32 ? 4L : 8L;
            String sfx = f32 ? "_f32" : "_f64";
            DeviceBuffer rank = run.alloc(width * n, "pagerank ranks");
            DeviceBuffer next = run.alloc(width * n, "pagerank next ranks");
            DeviceBuffer contrib = run.alloc(width * n, "pagerank contributions");
            DeviceBuffer mask = run.alloc(width * n, "pagerank dangling mask");
            dev.launch("pr_init" + sfx, n, n, dg.outOff, rank, contrib, mask);
            for (int it = 0; it < pr.iterations(); it++) {
                ctx.cancel().throwIfCancelled(PageRankParams.NAME);
                double dangling = f32 ? ops.dotF(n, rank, mask) : ops.dot(n, rank, mask);
                double base = (1.0 - d) / n + d * dangling / n;
                if (f32) {
                    dev.launch("pr_pull_f32", n, n, dg.inOff, dg.inSrc, contrib, next, (float) base, (float) d);
                } else {
                    dev.launch("pr_pull_f64", n, n, dg.inOff, dg.inSrc, contrib, next, base, d);
                }
                dev.launch("pr_contrib" + sfx, n, n, dg.outOff, next, contrib);
                if (it == pr.iterations() - 1) {
                    // rank := rank - next, then its L1 norm: how much the last iteration still moved
                    if (f32) {
                        ops.axpyF(n, -1.0f, next, rank);
                        delta = ops.asumF(n, rank);
                    } else {
                        ops.axpy(n, -1.0, next, rank);
                        delta = ops.asum(n, rank);
                    }
                }
                DeviceBuffer t = rank;
                rank = next;
                next = t;
                ctx.progress().progress(PageRankParams.NAME, (it + 1.0) / pr.iterations(),
                        (it + 1) + "/" + pr.iterations());
            }
            if (f32) {
                float[] fr = new float[n];
                dev.download(rank, fr);
                for (int v = 0; v < n; v++) {
                    ranks[v] = fr[v];
                }
            } else {
                dev.download(rank, ranks);
            }
        }
        perVertex(graph, names, columns, "rank", Column.ofDoubles(ranks));
        stats.put("iterations", pr.iterations());
        stats.put("damping", pr.damping());
        stats.put("precision", precision.name().toLowerCase(Locale.ROOT));
        stats.put("last_delta_l1", delta);
    }

    private static void bfs(Run run, DeviceGraph dg, CsrGraph graph, int source, ExecutionContext ctx,
                            List<String> names, List<Column> columns, Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        DeviceBuffer depth = run.alloc(4L * n, "bfs depths");
        DeviceBuffer queue = run.alloc(4L * n, "bfs frontier");
        DeviceBuffer nextQueue = run.alloc(4L * n, "bfs next frontier");
        DeviceBuffer nextSize = run.alloc(8L, "bfs counter");
        DeviceBuffer nextArcs = run.alloc(8L, "bfs arc counter");
        dev.launch("bfs_init", n, n, depth, source);
        dev.write(queue, source);
        long unexplored = dg.arcs;
        long frontierArcs = graph.outDegree(source);
        int frontierSize = 1;
        int previousSize = 0;
        int level = 0;
        long reached = 1;
        boolean bottomUp = false;
        while (frontierSize > 0) {
            ctx.cancel().throwIfCancelled(BfsParams.NAME);
            if (!bottomUp && frontierArcs > unexplored / ALPHA) {
                bottomUp = true;
            } else if (bottomUp && frontierSize < previousSize && frontierSize < n / BETA) {
                dev.zero(nextSize);
                dev.launch("bfs_collect", n, n, depth, level, queue, nextSize);
                bottomUp = false;
            }
            dev.zero(nextSize);
            dev.zero(nextArcs);
            if (bottomUp) {
                dev.launch("bfs_bottom_up", n, n, dg.outOff, dg.inOff, dg.inSrc, depth, level, nextSize, nextArcs);
            } else {
                dev.launch("bfs_top_down", frontierSize, dg.outOff, dg.outTgt, queue, frontierSize, depth, level,
                        nextQueue, nextSize, nextArcs);
                DeviceBuffer t = queue;
                queue = nextQueue;
                nextQueue = t;
            }
            previousSize = frontierSize;
            frontierSize = dev.readInt(nextSize);
            frontierArcs = dev.readLong(nextArcs);
            unexplored -= frontierArcs;
            reached += frontierSize;
            if (frontierSize > 0) {
                level++;
            }
            ctx.progress().progress(BfsParams.NAME, n == 0 ? 1.0 : (double) reached / n, reached + "/" + n);
        }
        int[] raw = new int[n];
        dev.download(depth, raw);
        long[] out = new long[n];
        for (int v = 0; v < n; v++) {
            out[v] = raw[v] == Integer.MAX_VALUE ? BfsParams.UNREACHABLE : raw[v];
        }
        perVertex(graph, names, columns, "depth", Column.ofLongs(out));
        stats.put("reached", (int) reached);
        stats.put("max_depth", level);
    }

    private static void wcc(Run run, DeviceGraph dg, CsrGraph graph, ExecutionContext ctx, List<String> names,
                            List<Column> columns, Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        DeviceBuffer comp = run.alloc(4L * n, "wcc components");
        DeviceBuffer changed = run.alloc(4L, "wcc flag");
        dev.launch("wcc_init", n, n, comp);
        int rounds = 0;
        while (n > 0) {
            ctx.cancel().throwIfCancelled(WccParams.NAME);
            dev.zero(changed);
            dev.launch("wcc_hook", n, n, dg.outOff, dg.outTgt, comp, changed);
            dev.launch("wcc_compress", n, n, comp);
            rounds++;
            if (dev.readInt(changed) == 0) {
                break;
            }
        }
        int[] roots = new int[n];
        dev.download(comp, roots);
        int components = 0;
        for (int v = 0; v < n; v++) {
            if (roots[v] == v) {
                components++;
            }
        }
        perVertex(graph, names, columns, "component", smallestKeyLabels(graph, roots));
        stats.put("components", components);
        stats.put("rounds", rounds);
    }

    private static void sssp(Run run, DeviceGraph dg, CsrGraph graph, int source, String property,
                             ExecutionContext ctx, List<String> names, List<Column> columns, Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        DeviceBuffer weights = dg.weights(property);
        DeviceBuffer dist = run.alloc(8L * n, "sssp distances");
        DeviceBuffer active = run.alloc(4L * n, "sssp frontier");
        DeviceBuffer nextActive = run.alloc(4L * n, "sssp next frontier");
        DeviceBuffer changed = run.alloc(4L, "sssp flag");
        dev.launch("sssp_init", n, n, dist, active, source);
        int rounds = 0;
        while (true) {
            ctx.cancel().throwIfCancelled(SsspParams.NAME);
            dev.zero(changed);
            dev.zero(nextActive);
            dev.launch("sssp_relax", n, n, dg.outOff, dg.outTgt, weights, dist, active, nextActive, changed);
            rounds++;
            DeviceBuffer t = active;
            active = nextActive;
            nextActive = t;
            if (dev.readInt(changed) == 0) {
                break;
            }
        }
        double[] distances = new double[n];
        dev.download(dist, distances);
        int reached = 0;
        for (double x : distances) {
            if (x != Double.POSITIVE_INFINITY) {
                reached++;
            }
        }
        perVertex(graph, names, columns, "distance", Column.ofDoubles(distances));
        stats.put("reached", reached);
        stats.put("rounds", rounds);
    }

    private static void cdlp(Run run, DeviceGraph dg, CsrGraph graph, CdlpParams c, ExecutionContext ctx,
                             List<String> names, List<Column> columns, Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        long[] keys = numericKeys(graph);
        long[] initial = new long[n];
        for (int v = 0; v < n; v++) {
            initial[v] = keys == null ? v : keys[v];
        }
        DeviceBuffer labels = run.upload(initial, "cdlp labels");
        DeviceBuffer next = run.alloc(8L * n, "cdlp next labels");
        long scratchSlots = (long) dg.arcs * (dg.directed ? 2 : 1);
        DeviceBuffer scratch = run.alloc(8L * scratchSlots, "cdlp neighbour labels");
        for (int it = 0; it < c.iterations(); it++) {
            ctx.cancel().throwIfCancelled(CdlpParams.NAME);
            dev.launch("cdlp_step", n, n, dg.outOff, dg.outTgt, dg.inOff, dg.inSrc, dg.directed ? 1 : 0, labels, next,
                    scratch);
            DeviceBuffer t = labels;
            labels = next;
            next = t;
            ctx.progress().progress(CdlpParams.NAME, (it + 1.0) / c.iterations(), (it + 1) + "/" + c.iterations());
        }
        long[] result = new long[n];
        dev.download(labels, result);
        Column column;
        if (keys != null) {
            column = Column.ofLongs(result);
        } else {
            int[] ids = new int[n];
            for (int v = 0; v < n; v++) {
                ids[v] = (int) result[v];
            }
            column = gather(graph.keyColumn(), ids);
        }
        perVertex(graph, names, columns, "community", column);
        stats.put("iterations", c.iterations());
    }

    private static void degree(Run run, DeviceGraph dg, CsrGraph graph, DegreeParams d, List<String> names,
                               List<Column> columns, Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        boolean countOut = !dg.directed || d.direction() != DegreeParams.Direction.IN;
        boolean countIn = dg.directed && d.direction() != DegreeParams.Direction.OUT;
        DeviceBuffer deg = run.alloc(8L * n, "degrees");
        dev.launch("degree_count", n, n, dg.outOff, dg.inOff, countOut ? 1 : 0, countIn ? 1 : 0, deg);
        long[] out = new long[n];
        dev.download(deg, out);
        perVertex(graph, names, columns, "degree", Column.ofLongs(out));
        stats.put("direction", d.direction().name().toLowerCase(Locale.ROOT));
    }

    private static void triangles(Run run, DeviceGraph dg, CsrGraph graph, List<String> names, List<Column> columns,
                                  Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        DeviceBuffer tri = run.alloc(8L * n, "triangle counts");
        dev.zero(tri);
        int arcs = dg.simpleArcs();
        dev.launch("tc_arcs", arcs, n, arcs, dg.simpleOffsets(), dg.simpleTargets(), tri);
        long[] counts = new long[n];
        dev.download(tri, counts);
        long sum = 0;
        for (int v = 0; v < n; v++) {
            counts[v] /= 2;
            sum += counts[v];
        }
        perVertex(graph, names, columns, "triangles", Column.ofLongs(counts));
        stats.put("triangles", sum / 3);
    }

    private static void lcc(Run run, DeviceGraph dg, CsrGraph graph, List<String> names, List<Column> columns,
                            Map<String, Object> stats) {
        CudaDevice dev = run.device;
        int n = dg.n;
        DeviceBuffer links = run.alloc(8L * n, "lcc links");
        DeviceBuffer lcc = run.alloc(8L * n, "lcc coefficients");
        dev.zero(links);
        int arcs = dg.simpleArcs();
        dev.launch("lcc_arcs", arcs, n, arcs, dg.simpleOffsets(), dg.simpleTargets(), dg.simpleOutOffsets(),
                dg.simpleOutTargets(), links);
        dev.launch("lcc_finish", n, n, dg.simpleOffsets(), links, lcc);
        double[] values = new double[n];
        dev.download(lcc, values);
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        perVertex(graph, names, columns, "lcc", Column.ofDoubles(values));
        stats.put("average", n == 0 ? 0.0 : sum / n);
        stats.put("directed", graph.isDirected());
    }

    /** The working buffers of one run, all freed when it ends. */
    static final class Run implements AutoCloseable {

        final CudaDevice device;
        private final List<DeviceBuffer> buffers = new ArrayList<>();

        Run(CudaDevice device) {
            this.device = device;
        }

        DeviceBuffer alloc(long bytes, String what) {
            DeviceBuffer b = device.alloc(bytes, what);
            buffers.add(b);
            return b;
        }

        DeviceBuffer upload(long[] data, String what) {
            DeviceBuffer b = device.upload(data, what);
            buffers.add(b);
            return b;
        }

        @Override
        public void close() {
            for (DeviceBuffer b : buffers) {
                device.free(b);
            }
            buffers.clear();
        }
    }
}
