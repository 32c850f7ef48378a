// Triangle count and local clustering coefficient over sorted adjacency lists, one thread per arc.
// N is the simple undirected graph (sorted, distinct, no self-loops) the host derives once.
//   triangles: tri[v] += |N(v) ∩ N(u)| for every arc v->u of N; each triangle at v is then seen
//              twice (once through each of its other two corners), so the host halves tri[v].
//   lcc:       links[v] += |N(v) ∩ OUT(u)| for every arc v->u of N, where OUT(u) is u's sorted,
//              distinct out-neighbours without u itself (N itself on an undirected graph); this counts
//              the arcs among v's neighbours as LDBC Graphalytics LCC does.
#include "common.cuh"

extern "C" __global__ void tc_arcs(int n, int arcs, const int* __restrict__ off, const int* __restrict__ adj,
                                   unsigned long long* tri) {
    int e = go_tid();
    if (e >= arcs) {
        return;
    }
    int v = go_arc_source(off, n, e);
    int u = adj[e];
    unsigned long long c = go_intersect(adj + off[v], off[v + 1] - off[v], adj + off[u], off[u + 1] - off[u]);
    if (c != 0) {
        atomicAdd(&tri[v], c);
    }
}

extern "C" __global__ void lcc_arcs(int n, int arcs, const int* __restrict__ off, const int* __restrict__ adj,
                                    const int* __restrict__ outOff, const int* __restrict__ outAdj,
                                    unsigned long long* links) {
    int e = go_tid();
    if (e >= arcs) {
        return;
    }
    int v = go_arc_source(off, n, e);
    int u = adj[e];
    unsigned long long c = go_intersect(adj + off[v], off[v + 1] - off[v], outAdj + outOff[u],
                                        outOff[u + 1] - outOff[u]);
    if (c != 0) {
        atomicAdd(&links[v], c);
    }
}

extern "C" __global__ void lcc_finish(int n, const int* __restrict__ off, const unsigned long long* __restrict__ links,
                                      double* lcc) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    long long k = off[v + 1] - off[v];
    lcc[v] = k < 2 ? 0.0 : (double) links[v] / ((double) k * (double) (k - 1));
}
