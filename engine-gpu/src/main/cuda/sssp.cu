// Single-source shortest paths, frontier Bellman-Ford. Distances are non-negative doubles, whose IEEE
// bit patterns order like unsigned integers, so atomicMin on the bits is a min on the values (and
// +Infinity, the unreached distance, is larger than every finite one). A vertex whose distance
// dropped is active in the next round; the host stops when a round activates nothing.
#include "common.cuh"

extern "C" __global__ void sssp_init(int n, unsigned long long* dist, int* active, int source) {
    int v = go_tid();
    if (v < n) {
        dist[v] = v == source ? 0ULL : 0x7ff0000000000000ULL;
        active[v] = v == source ? 1 : 0;
    }
}

extern "C" __global__ void sssp_relax(int n, const int* __restrict__ outOff, const int* __restrict__ outTgt,
                                      const double* __restrict__ weight, unsigned long long* dist,
                                      const int* __restrict__ active, int* nextActive, int* changed) {
    int v = go_tid();
    if (v >= n || !active[v]) {
        return;
    }
    double dv = __longlong_as_double((long long) dist[v]);
    for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
        int u = outTgt[e];
        double nd = dv + weight[e];
        unsigned long long bits = (unsigned long long) __double_as_longlong(nd);
        if (bits < dist[u]) {
            unsigned long long old = atomicMin(&dist[u], bits);
            if (bits < old) {
                nextActive[u] = 1;
                *changed = 1;
            }
        }
    }
}
