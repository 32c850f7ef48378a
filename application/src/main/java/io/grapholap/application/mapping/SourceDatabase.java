package io.grapholap.application.mapping;

import java.util.List;

/**
 * Out-port: the relational source that mapping SQL runs against. {@link #describe} runs a query as
 * a zero-row probe (read-only, with a statement timeout) and reports the columns it would yield.
 */
public interface SourceDatabase {

    /**
     * The columns {@code sql} yields, in order.
     *
     * @throws SourceQueryException when the source rejects or cannot run the query
     */
    List<SourceColumn> describe(String sql);

    /** A result column: its label, its kind, and the source's own type name (for messages). */
    record SourceColumn(String name, ColumnKind kind, String typeName, int precision, int scale) {
    }

    /** Source column types, grouped as far as mapping validation needs. */
    enum ColumnKind { TEXT, INT16, INT32, INT64, DECIMAL, FLOAT32, FLOAT64, BOOLEAN, DATE, TIME, TIMESTAMP, OTHER }

    /** The source rejected a query; the message is the source's own, fit to show to the author. */
    final class SourceQueryException extends RuntimeException {
        public SourceQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
