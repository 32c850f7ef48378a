// PageRank as LDBC Graphalytics defines it, pulled over the in-adjacency:
//   PR_0(v) = 1/n
//   PR(v)   = (1-d)/n + d * sum_{u in in(v)} PR(u)/out(u) + d/n * sum_{w dangling} PR(w)
// The host computes base = (1-d)/n + d/n * danglingSum once per iteration (a dot product of the
// ranks with the dangling mask, through cuBLAS or vector.cu) and passes it in. One thread per
// vertex sums its in-list in list order, as the CPU kernel does, so fp64 results agree closely.
#include "common.cuh"

extern "C" __global__ void pr_init_f64(int n, const int* __restrict__ outOff, double* rank,
                                       double* contrib, double* danglingMask) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    double init = 1.0 / (double) n;
    int deg = outOff[v + 1] - outOff[v];
    rank[v] = init;
    contrib[v] = deg == 0 ? 0.0 : init / (double) deg;
    danglingMask[v] = deg == 0 ? 1.0 : 0.0;
}

extern "C" __global__ void pr_pull_f64(int n, const int* __restrict__ inOff, const int* __restrict__ inSrc,
                                       const double* __restrict__ contrib, double* rankNext,
                                       double base, double damping) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    double sum = 0.0;
    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
        sum += contrib[inSrc[e]];
    }
    rankNext[v] = base + damping * sum;
}

extern "C" __global__ void pr_contrib_f64(int n, const int* __restrict__ outOff, const double* __restrict__ rank,
                                          double* contrib) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    int deg = outOff[v + 1] - outOff[v];
    contrib[v] = deg == 0 ? 0.0 : rank[v] / (double) deg;
}

extern "C" __global__ void pr_init_f32(int n, const int* __restrict__ outOff, float* rank,
                                       float* contrib, float* danglingMask) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    float init = 1.0f / (float) n;
    int deg = outOff[v + 1] - outOff[v];
    rank[v] = init;
    contrib[v] = deg == 0 ? 0.0f : init / (float) deg;
    danglingMask[v] = deg == 0 ? 1.0f : 0.0f;
}

extern "C" __global__ void pr_pull_f32(int n, const int* __restrict__ inOff, const int* __restrict__ inSrc,
                                       const float* __restrict__ contrib, float* rankNext,
                                       float base, float damping) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    float sum = 0.0f;
    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
        sum += contrib[inSrc[e]];
    }
    rankNext[v] = base + damping * sum;
}

extern "C" __global__ void pr_contrib_f32(int n, const int* __restrict__ outOff, const float* __restrict__ rank,
                                          float* contrib) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    int deg = outOff[v + 1] - outOff[v];
    contrib[v] = deg == 0 ? 0.0f : rank[v] / (float) deg;
}
