package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The equality indexes of one loaded graph's property columns, built on first lookup and kept for the
 * graph's life (it is read-only). Keyed by the column itself, so one cache serves every query language
 * and every view of the graph that shares the column (a stored algorithm property adds columns, it does
 * not copy the others). Thread-safe.
 *
 * <p>Columns with more rows than {@link #MAX_ROWS} (system property
 * {@code grapholap.gremlin.equalityIndexMaxRows}, default 2^26) get no index: an index costs about 40
 * to 70 bytes per row on top of the column, and beyond this size a one-off scan is cheaper than holding
 * several GiB per column.
 */
public final class PropertyIndexes {

    public static final int MAX_ROWS = Integer.getInteger("grapholap.gremlin.equalityIndexMaxRows", 1 << 26);

    private final Map<Column, EqualityIndex> indexes = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * Ascending rows of {@code column} whose value equals {@code value}; {@code null} when the column
     * cannot be indexed (an unsupported type, or more than {@link #MAX_ROWS} rows) and must be scanned.
     */
    public int[] rows(Column column, Object value) {
        if (column == null || !EqualityIndex.supports(column) || column.size() > MAX_ROWS) {
            return null;
        }
        EqualityIndex index = indexes.computeIfAbsent(column, c -> {
            EqualityIndex built = EqualityIndex.build(c);
            bytes.addAndGet(built.bytes());
            return built;
        });
        return index.lookup(value);
    }

    /** Bytes held by the indexes built so far. */
    public long bytes() {
        return bytes.get();
    }
}
