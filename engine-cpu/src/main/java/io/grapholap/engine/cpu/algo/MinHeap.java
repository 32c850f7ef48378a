package io.grapholap.engine.cpu.algo;

/**
 * An indexed binary min-heap of vertices keyed by a double, with decrease-key; primitive arrays
 * sized for all {@code n} vertices, reusable after {@link #clear()}.
 */
final class MinHeap {

    private final int[] heap;
    private final int[] position;
    private final double[] key;
    private int size;

    MinHeap(int n) {
        heap = new int[Math.max(1, n)];
        position = new int[Math.max(1, n)];
        key = new double[Math.max(1, n)];
        java.util.Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    /** Inserts {@code v} or lowers its key; a higher key is ignored. */
    void offer(int v, double k) {
        int p = position[v];
        if (p < 0) {
            p = size++;
            heap[p] = v;
            position[v] = p;
            key[v] = k;
            up(p);
        } else if (k < key[v]) {
            key[v] = k;
            up(p);
        }
    }

    int poll() {
        int top = heap[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            int last = heap[size];
            heap[0] = last;
            position[last] = 0;
            down(0);
        }
        return top;
    }

    private void up(int p) {
        int v = heap[p];
        double k = key[v];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int pv = heap[parent];
            if (key[pv] <= k) {
                break;
            }
            heap[p] = pv;
            position[pv] = p;
            p = parent;
        }
        heap[p] = v;
        position[v] = p;
    }

    private void down(int p) {
        int v = heap[p];
        double k = key[v];
        int half = size >>> 1;
        while (p < half) {
            int c = 2 * p + 1;
            int r = c + 1;
            if (r < size && key[heap[r]] < key[heap[c]]) {
                c = r;
            }
            int cv = heap[c];
            if (k <= key[cv]) {
                break;
            }
            heap[p] = cv;
            position[cv] = p;
            p = c;
        }
        heap[p] = v;
        position[v] = p;
    }
}
