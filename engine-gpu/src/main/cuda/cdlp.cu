// Community detection by label propagation (LDBC Graphalytics CDLP), one synchronous iteration per
// launch. Each thread copies the labels of its vertex's out-neighbours (and in-neighbours on a
// directed graph, so a neighbour at both ends counts twice) into its own slice of a scratch array
// at outOff[v] + inOff[v], sorts the slice (insertion sort when short, heap sort otherwise) and
// takes the most frequent label, the smallest on a tie. A vertex without neighbours keeps its label.
#include "common.cuh"

__device__ void cdlp_sift(long long* a, int start, int end) {
    int root = start;
    while (2 * root + 1 < end) {
        int child = 2 * root + 1;
        if (child + 1 < end && a[child] < a[child + 1]) {
            child++;
        }
        if (a[root] < a[child]) {
            long long t = a[root];
            a[root] = a[child];
            a[child] = t;
            root = child;
        } else {
            return;
        }
    }
}

__device__ void cdlp_sort(long long* a, int k) {
    if (k <= 32) {
        for (int i = 1; i < k; i++) {
            long long x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
        return;
    }
    for (int s = k / 2 - 1; s >= 0; s--) {
        cdlp_sift(a, s, k);
    }
    for (int end = k - 1; end > 0; end--) {
        long long t = a[0];
        a[0] = a[end];
        a[end] = t;
        cdlp_sift(a, 0, end);
    }
}

extern "C" __global__ void cdlp_step(int n, const int* __restrict__ outOff, const int* __restrict__ outTgt,
                                     const int* __restrict__ inOff, const int* __restrict__ inSrc, int both,
                                     const long long* __restrict__ labels, long long* next, long long* scratch) {
    int v = go_tid();
    if (v >= n) {
        return;
    }
    long long* buf = scratch + (long long) outOff[v] + (both ? (long long) inOff[v] : 0LL);
    int k = 0;
    for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
        buf[k++] = labels[outTgt[e]];
    }
    if (both) {
        for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
            buf[k++] = labels[inSrc[e]];
        }
    }
    if (k == 0) {
        next[v] = labels[v];
        return;
    }
    cdlp_sort(buf, k);
    long long best = buf[0];
    int bestRun = 0;
    for (int i = 0; i < k;) {
        int j = i + 1;
        while (j < k && buf[j] == buf[i]) {
            j++;
        }
        if (j - i > bestRun) {
            bestRun = j - i;
            best = buf[i];
        }
        i = j;
    }
    next[v] = best;
}
