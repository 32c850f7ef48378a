package io.grapholap.engine.cpu.algo;

/**
 * Local clustering coefficient as LDBC Graphalytics defines it. The neighbourhood {@code N(v)} is
 * the set of distinct vertices adjacent to {@code v} by an arc in either direction, {@code v}
 * itself excluded; {@code LCC(v)} is the number of arcs {@code u -> w} with {@code u != w} both in
 * {@code N(v)}, divided by {@code |N(v)| (|N(v)| - 1)}, and 0 when {@code |N(v)| < 2}. On an
 * undirected (symmetric) graph every edge appears as two arcs, so this equals the usual
 * {@code edges / (K (K-1) / 2)}. Each worker marks {@code N(v)} in its own stamp array, then walks
 * the out-arcs of each neighbour, or, for a neighbour with more arcs than {@code |N(v)|}, looks each
 * member of {@code N(v)} up in the neighbour's sorted arc list.
 */
public final class Lcc {

    /** Coefficient by dense vertex id. */
    public record Result(double[] coefficients, double average) {
    }

    private final Topology g;
    private final Parallel parallel;
    private final Progress progress;

    public Lcc(Topology graph, Parallel parallel, Progress progress) {
        this.g = graph;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** The result plus, per worker, a stamp array and a neighbourhood buffer; sorted copies of the arcs. */
    public static long memoryEstimate(long vertices, long arcs, int parallelism) {
        return vertices * 8L + parallelism * vertices * 8L + arcs * 4L + 1024;
    }

    public Result compute() {
        final int n = g.n();
        final boolean directed = g.directed();
        final Undirected.SortedArcs sorted = Undirected.sortedOut(g, parallel);
        final int[] outOff = sorted.offsets();
        final int[] outT = sorted.targets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final double[] lcc = new double[n];
        final int workers = parallel.parallelism();
        final int[][] stamps = new int[workers][];
        final int[][] members = new int[workers][];
        final double[] sums = new double[workers];
        final long[] done = new long[1];
        final int chunk = parallel.chunkFor(n, 256);
        parallel.forRange(n, chunk, (w, from, to) -> {
            int[] stamp = stamps[w];
            int[] nb = members[w];
            if (stamp == null) {
                stamp = new int[n];
                nb = new int[64];
                stamps[w] = stamp;
            }
            double sum = 0;
            for (int v = from; v < to; v++) {
                int mark = v + 1;
                int k = 0;
                int cap = outOff[v + 1] - outOff[v] + (directed ? inOff[v + 1] - inOff[v] : 0);
                if (nb.length < cap) {
                    nb = new int[Math.max(cap, nb.length * 2)];
                }
                for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
                    int u = outT[e];
                    if (u != v && stamp[u] != mark) {
                        stamp[u] = mark;
                        nb[k++] = u;
                    }
                }
                if (directed) {
                    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
                        int u = inS[e];
                        if (u != v && stamp[u] != mark) {
                            stamp[u] = mark;
                            nb[k++] = u;
                        }
                    }
                }
                if (k < 2) {
                    lcc[v] = 0;
                    continue;
                }
                long links = 0;
                for (int i = 0; i < k; i++) {
                    int u = nb[i];
                    int s = outOff[u];
                    int e = outOff[u + 1];
                    if (e - s <= 2 * k) {
                        for (int a = s; a < e; a++) {
                            int x = outT[a];
                            if (stamp[x] == mark && x != u && (a == s || outT[a - 1] != x)) {
                                links++;
                            }
                        }
                    } else {
                        for (int j = 0; j < k; j++) {
                            int x = nb[j];
                            if (x != u && java.util.Arrays.binarySearch(outT, s, e, x) >= 0) {
                                links++;
                            }
                        }
                    }
                }
                double c = (double) links / ((double) k * (k - 1));
                lcc[v] = c;
                sum += c;
            }
            members[w] = nb;
            sums[w] += sum;
            synchronized (done) {
                done[0] += to - from;
                progress.report(done[0], n);
            }
        });
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return new Result(lcc, n == 0 ? 0 : total / n);
    }
}
