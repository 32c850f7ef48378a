package io.grapholap.graph.csr;

/**
 * Writes arcs into their CSR slots through per-bucket buffers. Arcs are first appended to the
 * buffer of their source's bucket (a contiguous range of vertices) and written out a bucket at a
 * time, so the scattered writes of one flush fall into one small region of the target arrays and
 * of the cursor array instead of all over memory; on graphs larger than the caches this roughly
 * halves the cost of building a CSR. Arcs of one source keep their order of arrival.
 *
 * <p>One instance per thread; the {@code cursor} slots it advances must belong to it alone.
 * Companion arrays may be {@code null}; values for them are then ignored.
 */
public final class ArcScatter {

    /** Most buckets; a power of two. */
    private static final int MAX_BUCKETS = 1024;

    private final int[] cursor;
    private final int[] targets;
    private final double[] weights;
    private final byte[] types;
    private final int[] rows;
    private final int shift;
    private final int capacity;
    private final int[] fill;
    private final int[] bufSource;
    private final int[] bufTarget;
    private final double[] bufWeight;
    private final byte[] bufType;
    private final int[] bufRow;

    /**
     * @param vertexCount   vertices of the graph (bucket ranges cover {@code 0..vertexCount-1})
     * @param cursor        next free slot per source vertex, advanced as arcs are written
     * @param bufferedArcs  arcs held in buffers at most (memory: 8 bytes each, plus companions)
     */
    public ArcScatter(int vertexCount, int[] cursor, int[] targets, double[] weights, byte[] types, int[] rows,
                      int bufferedArcs) {
        this.cursor = cursor;
        this.targets = targets;
        this.weights = weights;
        this.types = types;
        this.rows = rows;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, vertexCount - 1));
        this.shift = Math.max(0, bits - Integer.numberOfTrailingZeros(MAX_BUCKETS));
        int buckets = ((Math.max(1, vertexCount) - 1) >>> shift) + 1;
        this.capacity = Math.max(64, bufferedArcs / buckets);
        this.fill = new int[buckets];
        int slots = buckets * capacity;
        bufSource = new int[slots];
        bufTarget = new int[slots];
        bufWeight = weights == null ? null : new double[slots];
        bufType = types == null ? null : new byte[slots];
        bufRow = rows == null ? null : new int[slots];
    }

    /** Adds an arc without companion values. */
    public void add(int source, int target) {
        int b = source >>> shift;
        int i = b * capacity + fill[b];
        bufSource[i] = source;
        bufTarget[i] = target;
        if (++fill[b] == capacity) {
            flush(b);
        }
    }

    /** Adds an arc with its weight, edge type code and edge row (each ignored when not kept). */
    public void add(int source, int target, double weight, byte type, int row) {
        int b = source >>> shift;
        int i = b * capacity + fill[b];
        bufSource[i] = source;
        bufTarget[i] = target;
        if (bufWeight != null) {
            bufWeight[i] = weight;
        }
        if (bufType != null) {
            bufType[i] = type;
        }
        if (bufRow != null) {
            bufRow[i] = row;
        }
        if (++fill[b] == capacity) {
            flush(b);
        }
    }

    /** Writes out every buffered arc. Call once all arcs are added. */
    public void flush() {
        for (int b = 0; b < fill.length; b++) {
            flush(b);
        }
    }

    private void flush(int b) {
        int from = b * capacity;
        int to = from + fill[b];
        if (bufWeight == null && bufType == null && bufRow == null) {
            for (int i = from; i < to; i++) {
                targets[cursor[bufSource[i]]++] = bufTarget[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                int at = cursor[bufSource[i]]++;
                targets[at] = bufTarget[i];
                if (bufWeight != null) {
                    weights[at] = bufWeight[i];
                }
                if (bufType != null) {
                    types[at] = bufType[i];
                }
                if (bufRow != null) {
                    rows[at] = bufRow[i];
                }
            }
        }
        fill[b] = 0;
    }
}
