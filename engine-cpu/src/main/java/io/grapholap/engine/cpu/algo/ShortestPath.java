package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.ShortestPathParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shortest paths from a source to a target along out-arcs: BFS (hop count) without weights,
 * Dijkstra with non-negative weights, both stopping once the target is settled. The predecessor
 * arcs that lie on shortest paths are then collected from the settled vertices and up to
 * {@code maxPaths} distinct shortest paths are enumerated back from the target.
 */
public final class ShortestPath {

    /** One path: dense ids from source to target and the cumulative distance at each vertex. */
    public record Path(int[] vertices, double[] distances) {
    }

    /** The paths found (empty when the target is unreachable) and the shortest distance. */
    public record Result(List<Path> paths, double distance) {
    }

    private final Topology g;
    private final int source;
    private final int target;
    private final int maxPaths;
    private final Parallel parallel;

    /** {@code graph} carries out-arc weights exactly when the run is weighted. */
    public ShortestPath(Topology graph, int source, int target, int maxPaths, Parallel parallel) {
        this.g = graph;
        this.source = source;
        this.target = target;
        this.maxPaths = maxPaths;
        this.parallel = parallel;
    }

    public Result compute() {
        final int n = g.n();
        final int[] off = g.outOffsets();
        final int[] t = g.outTargets();
        final double[] w = g.outWeights();
        final double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        final boolean[] settled = new boolean[n];
        int[] order = new int[Math.max(1, n)];
        int count = 0;
        dist[source] = 0;
        if (w == null) {
            int head = 0;
            order[count++] = source;
            while (head < count) {
                int u = order[head++];
                settled[u] = true;
                if (u == target) {
                    break;
                }
                if ((head & 0xFFFF) == 0) {
                    parallel.check();
                }
                double nd = dist[u] + 1;
                for (int e = off[u], end = off[u + 1]; e < end; e++) {
                    int v = t[e];
                    if (dist[v] == Double.POSITIVE_INFINITY) {
                        dist[v] = nd;
                        order[count++] = v;
                    }
                }
            }
            count = head;
        } else {
            MinHeap heap = new MinHeap(n);
            heap.offer(source, 0);
            while (!heap.isEmpty()) {
                int u = heap.poll();
                settled[u] = true;
                order[count++] = u;
                if (u == target) {
                    break;
                }
                if ((count & 0xFFFF) == 0) {
                    parallel.check();
                }
                double du = dist[u];
                for (int e = off[u], end = off[u + 1]; e < end; e++) {
                    int v = t[e];
                    double nd = du + w[e];
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        heap.offer(v, nd);
                    }
                }
            }
        }
        if (!settled[target]) {
            return new Result(List.of(), Double.POSITIVE_INFINITY);
        }
        // Predecessor lists (CSR by settling position) of the arcs u -> v on shortest paths between settled
        // vertices; u must settle before v, which also keeps zero-weight cycles out of the enumeration.
        final int[] rank = new int[n];
        Arrays.fill(rank, -1);
        for (int i = 0; i < count; i++) {
            rank[order[i]] = i;
        }
        int[] predCount = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int u = order[i];
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                int v = t[e];
                if (settled[v] && rank[v] > i && dist[v] == dist[u] + (w == null ? 1 : w[e])) {
                    predCount[rank[v] + 1]++;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            predCount[i + 1] += predCount[i];
        }
        int[] preds = new int[predCount[count]];
        int[] fill = Arrays.copyOf(predCount, count);
        for (int i = 0; i < count; i++) {
            int u = order[i];
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                int v = t[e];
                if (settled[v] && rank[v] > i && dist[v] == dist[u] + (w == null ? 1 : w[e])) {
                    preds[fill[rank[v]]++] = u;
                }
            }
        }
        List<Path> paths = new ArrayList<>();
        int[] stack = new int[count + 1];
        int[] cursor = new int[count + 1];
        int depth = 0;
        stack[0] = target;
        cursor[0] = predCount[rank[target]];
        while (depth >= 0 && paths.size() < maxPaths) {
            int v = stack[depth];
            if (v == source) {
                int[] vs = new int[depth + 1];
                double[] ds = new double[depth + 1];
                for (int i = 0; i <= depth; i++) {
                    vs[i] = stack[depth - i];
                    ds[i] = dist[vs[i]];
                }
                paths.add(new Path(vs, ds));
                depth--;
                continue;
            }
            int r = rank[v];
            if (cursor[depth] < predCount[r + 1]) {
                int u = preds[cursor[depth]++];
                depth++;
                stack[depth] = u;
                cursor[depth] = predCount[rank[u]];
            } else {
                depth--;
            }
        }
        return new Result(paths, dist[target]);
    }

    /** The CPU kernel of {@code shortest_path}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<ShortestPathParams> {
        @Override
        public Class<ShortestPathParams> params() {
            return ShortestPathParams.class;
        }

        @Override
        public void run(ShortestPathParams p, CpuRun run) {
            int source = run.vertex("source", p.source());
            int target = run.vertex("target", p.target());
            Result r = new ShortestPath(run.weightedOrPlain(p.weight()), source, target, p.maxPaths(), run.parallel())
                    .compute();
            int rows = 0;
            for (Path path : r.paths()) {
                rows += path.vertices().length;
            }
            int[] ids = new int[rows];
            double[] dist = new double[rows];
            int[] pathIndex = new int[rows];
            int[] step = new int[rows];
            int row = 0;
            for (int pi = 0; pi < r.paths().size(); pi++) {
                Path path = r.paths().get(pi);
                for (int i = 0; i < path.vertices().length; i++) {
                    ids[row] = path.vertices()[i];
                    dist[row] = path.distances()[i];
                    pathIndex[row] = pi;
                    step[row++] = i;
                }
            }
            run.vertexColumns(ids);
            run.column("distance", Column.ofDoubles(dist));
            run.column("path", Column.ofInts(pathIndex));
            run.column("step", Column.ofInts(step));
            run.stat("found", !r.paths().isEmpty());
            run.stat("distance", r.distance());
            run.stat("paths", r.paths().size());
        }
    }
}
