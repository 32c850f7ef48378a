// Direction-optimizing BFS (Beamer et al.). Depths start at GO_UNREACHED except the source (0).
// Top-down expands a vertex queue over out-arcs and claims each new vertex with atomicCAS, so it is
// appended to the next queue exactly once. Bottom-up lets every unreached vertex scan its in-arcs
// for a parent at the current level; it writes no queue, so bfs_collect rebuilds one when the host
// switches back. Both count the next frontier's vertices and out-arcs for the host's heuristic.
#include "common.cuh"

extern "C" __global__ void bfs_init(int n, int* depth, int source) {
    int v = go_tid();
    if (v < n) {
        depth[v] = v == source ? 0 : GO_UNREACHED;
    }
}

extern "C" __global__ void bfs_top_down(const int* __restrict__ outOff, const int* __restrict__ outTgt,
                                        const int* __restrict__ frontier, int frontierSize, int* depth,
                                        int level, int* next, int* nextSize,
                                        unsigned long long* nextArcs) {
    int i = go_tid();
    if (i >= frontierSize) {
        return;
    }
    int v = frontier[i];
    for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
        int u = outTgt[e];
        if (depth[u] == GO_UNREACHED && atomicCAS(&depth[u], GO_UNREACHED, level + 1) == GO_UNREACHED) {
            next[atomicAdd(nextSize, 1)] = u;
            atomicAdd(nextArcs, (unsigned long long) (outOff[u + 1] - outOff[u]));
        }
    }
}

extern "C" __global__ void bfs_bottom_up(int n, const int* __restrict__ outOff, const int* __restrict__ inOff,
                                         const int* __restrict__ inSrc, int* depth, int level,
                                         int* nextSize, unsigned long long* nextArcs) {
    int v = go_tid();
    if (v >= n || depth[v] != GO_UNREACHED) {
        return;
    }
    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
        if (depth[inSrc[e]] == level) {
            depth[v] = level + 1;
            atomicAdd(nextSize, 1);
            atomicAdd(nextArcs, (unsigned long long) (outOff[v + 1] - outOff[v]));
            return;
        }
    }
}

extern "C" __global__ void bfs_collect(int n, const int* __restrict__ depth, int level, int* queue, int* size) {
    int v = go_tid();
    if (v < n && depth[v] == level) {
        queue[atomicAdd(size, 1)] = v;
    }
}
