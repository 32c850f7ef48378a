// Weakly connected components by hooking and pointer jumping. comp[v] always names a vertex of
// v's component with comp[v] <= v, and a root has comp[r] == r. Hooking walks every out-arc (which
// covers every edge once, direction ignored), finds both roots and hangs the larger root under the
// smaller with atomicMin; a lost race only delays a merge, because the host repeats hook+compress
// until a hook pass changes nothing. At that point each component has one root, its smallest id.
#include "common.cuh"

__device__ __forceinline__ int wcc_root(const int* comp, int v) {
    int p = comp[v];
    while (p != v) {
        v = p;
        p = comp[v];
    }
    return v;
}

extern "C" __global__ void wcc_init(int n, int* comp) {
    int v = go_tid();
    if (v < n) {
        comp[v] = v;
    }
}

extern "C" __global__ void wcc_hook(int n, const int* __restrict__ outOff, const int* __restrict__ outTgt,
                                    int* comp, int* changed) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
        int rv = wcc_root(comp, v);
        int ru = wcc_root(comp, outTgt[e]);
        if (rv != ru) {
            int hi = rv > ru ? rv : ru;
            int lo = rv > ru ? ru : rv;
            atomicMin(&comp[hi], lo);
            *changed = 1;
        }
    }
}

extern "C" __global__ void wcc_compress(int n, int* comp) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    int r = wcc_root(comp, v);
    comp[v] = r;
}
