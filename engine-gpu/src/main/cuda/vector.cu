// Dense vector steps for machines where cuBLAS does not load: y = a*x + y, and per-block partial
// sums of x.y and |x| that the host adds up in block order (so a run is repeatable). Launch with
// 256 threads per block.
#include "common.cuh"

#define GO_BLOCK 256

extern "C" __global__ void vec_axpy_f64(int n, double a, const double* __restrict__ x, double* y) {
    int i = go_tid();
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}

extern "C" __global__ void vec_dot_f64(int n, const double* __restrict__ x, const double* __restrict__ y,
                                       double* partial) {
    __shared__ double s[GO_BLOCK];
    int i = go_tid();
    s[threadIdx.x] = i < n ? x[i] * y[i] : 0.0;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            s[threadIdx.x] += s[threadIdx.x + stride];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}

extern "C" __global__ void vec_asum_f64(int n, const double* __restrict__ x, double* partial) {
    __shared__ double s[GO_BLOCK];
    int i = go_tid();
    s[threadIdx.x] = i < n ? fabs(x[i]) : 0.0;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            s[threadIdx.x] += s[threadIdx.x + stride];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}

extern "C" __global__ void vec_axpy_f32(int n, float a, const float* __restrict__ x, float* y) {
    int i = go_tid();
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}

extern "C" __global__ void vec_dot_f32(int n, const float* __restrict__ x, const float* __restrict__ y,
                                       double* partial) {
    __shared__ double s[GO_BLOCK];
    int i = go_tid();
    s[threadIdx.x] = i < n ? (double) x[i] * (double) y[i] : 0.0;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            s[threadIdx.x] += s[threadIdx.x + stride];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}

extern "C" __global__ void vec_asum_f32(int n, const float* __restrict__ x, double* partial) {
    __shared__ double s[GO_BLOCK];
    int i = go_tid();
    s[threadIdx.x] = i < n ? (double) fabsf(x[i]) : 0.0;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            s[threadIdx.x] += s[threadIdx.x + stride];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}
