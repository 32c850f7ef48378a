// Shared helpers for the GraphOLAP kernels. Vertex ids and arc indexes are 32-bit ints (the host
// CSR is limited to Integer.MAX_VALUE - 8 arcs); every kernel is extern "C" so the driver API finds
// it by its plain name.
#pragma once

#define GO_UNREACHED 0x7fffffff

__device__ __forceinline__ int go_tid() {
    return blockIdx.x * blockDim.x + threadIdx.x;
}

// The vertex whose arc range [off[v], off[v+1]) holds arc e: the last v with off[v] <= e.
__device__ __forceinline__ int go_arc_source(const int* __restrict__ off, int n, int e) {
    int lo = 0;
    int hi = n;
    while (hi - lo > 1) {
        int mid = lo + ((hi - lo) >> 1);
        if (off[mid] <= e) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

// Size of the intersection of two sorted lists of distinct ids.
__device__ __forceinline__ unsigned long long go_intersect(const int* __restrict__ a, int na,
                                                          const int* __restrict__ b, int nb) {
    unsigned long long count = 0;
    int i = 0;
    int j = 0;
    while (i < na && j < nb) {
        int x = a[i];
        int y = b[j];
        if (x == y) {
            count++;
            i++;
            j++;
        } else if (x < y) {
            i++;
        } else {
            j++;
        }
    }
    return count;
}
