package io.grapholap.domain.mapping;

/** The identity of a mapping: a positive number assigned by the metadata store. */
public record MappingId(long value) {

    public MappingId {
        if (value <= 0) {
            throw new IllegalArgumentException("mapping ids are positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
