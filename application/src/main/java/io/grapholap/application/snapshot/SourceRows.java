package io.grapholap.application.snapshot;

import io.grapholap.domain.mapping.PropertyType;
import java.util.List;

/**
 * Out-port: streams the rows of a mapping query from the relational source, read-only, with the
 * source's statement timeout, fetching {@code fetchSize} rows at a time so memory stays constant.
 * Each row holds the named columns in the given order, converted to the column's type: String,
 * Long, Integer, Double, Float, Boolean, LocalDate, Instant; null for SQL NULL.
 */
public interface SourceRows {

    /**
     * @throws io.grapholap.application.mapping.SourceDatabase.SourceQueryException when the source
     *         rejects the query, a column is missing, or a value cannot be read as its type
     */
    void stream(String sql, List<Column> columns, int fetchSize, RowSink sink);

    record Column(String name, PropertyType type) {
    }

    @FunctionalInterface
    interface RowSink {
        void accept(Object[] row);
    }
}
