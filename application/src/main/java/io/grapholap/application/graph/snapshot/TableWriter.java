package io.grapholap.application.graph.snapshot;

import java.util.List;

/**
 * Streams the rows of one node or edge table into a snapshot. Rows are buffered into batches of a
 * fixed size and written out as each batch fills, so memory stays constant whatever the table size.
 * Values follow the column order given when the table was begun (key first; for edges from key, to
 * key, then properties): String, Long/Integer, Double/Float, Boolean, LocalDate or Integer days for
 * DATE, Instant/LocalDateTime(UTC)/Long micros for TIMESTAMP, UUID or its string for UUID; {@code null}
 * for a missing property. A value of the wrong type is a ValidationException naming the column.
 */
public interface TableWriter extends AutoCloseable {

    void append(Object... row);

    default void appendAll(List<Object[]> rows) {
        for (Object[] row : rows) {
            append(row);
        }
    }

    long rowCount();

    /** Writes the last batch and closes the file; the table then counts toward the snapshot. */
    @Override
    void close();
}
