package io.grapholap.application.graph;

/**
 * Types of vertex keys, properties and result columns. The first eight are the types a mapping
 * declares for its keys and properties; {@code UUID} is accepted for vertex keys and properties
 * read from SQL; {@code LIST} appears only in algorithm results (for example the paths of
 * {@code shortest_path}). DATE values are days since 1970-01-01 (int), TIMESTAMP values are microseconds
 * since the epoch, UTC (long).
 */
public enum ValueType {
    STRING, INT64, INT32, DOUBLE, FLOAT, BOOL, DATE, TIMESTAMP, UUID, LIST;

    /** Whether values of this type are held as a primitive long (INT64, TIMESTAMP). */
    public boolean isLongBacked() {
        return this == INT64 || this == TIMESTAMP;
    }

    /** Whether values of this type are held as a primitive int (INT32, DATE). */
    public boolean isIntBacked() {
        return this == INT32 || this == DATE;
    }

    /** Whether this type can be a vertex key (any scalar). */
    public boolean isScalar() {
        return this != LIST;
    }
}
