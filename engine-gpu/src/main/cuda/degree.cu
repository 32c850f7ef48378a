// Arc counts per vertex: out-arcs, in-arcs or both, as the host asks.
#include "common.cuh"

extern "C" __global__ void degree_count(int n, const int* __restrict__ outOff, const int* __restrict__ inOff,
                                        int countOut, int countIn, long long* degree) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    long long d = 0;
    if (countOut) {
        d += outOff[v + 1] - outOff[v];
    }
    if (countIn) {
        d += inOff[v + 1] - inOff[v];
    }
    degree[v] = d;
}
