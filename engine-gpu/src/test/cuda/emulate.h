// Sequential host emulation of the CUDA builtins the GraphOLAP kernels use.
#pragma once
#include <cstring>
#include <cmath>
#include <cstdint>
#include <algorithm>
#include <vector>
#include <random>
struct Dim { unsigned x; };
static Dim blockIdx, blockDim, threadIdx;
#define __global__
#define __device__
#define __forceinline__ inline
#define __restrict__
#define __shared__ static
static inline void __syncthreads() {}
static inline int atomicAdd(int* p, int v) { int o = *p; *p += v; return o; }
static inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v) { auto o = *p; *p += v; return o; }
static inline int atomicCAS(int* p, int c, int v) { int o = *p; if (o == c) *p = v; return o; }
static inline int atomicMin(int* p, int v) { int o = *p; if (v < o) *p = v; return o; }
static inline unsigned long long atomicMin(unsigned long long* p, unsigned long long v) { auto o = *p; if (v < o) *p = v; return o; }
static inline long long __double_as_longlong(double d) { long long l; memcpy(&l, &d, 8); return l; }
static inline double __longlong_as_double(long long l) { double d; memcpy(&d, &l, 8); return d; }
static int g_order = 0; // 0 forward, 1 reverse, 2 shuffled
static std::mt19937 g_rng(7);
template <class F> void launch(long threads, F f) {
    std::vector<long> ids(threads);
    for (long i = 0; i < threads; i++) ids[i] = i;
    if (g_order == 1) std::reverse(ids.begin(), ids.end());
    if (g_order == 2) std::shuffle(ids.begin(), ids.end(), g_rng);
    blockDim.x = 256;
    for (long i : ids) { blockIdx.x = (unsigned) (i / 256); threadIdx.x = (unsigned) (i % 256); f(); }
}
