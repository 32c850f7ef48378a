package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/**
 * What a UDF run returns: {@code json} the value {@code task} returned; when it returned a
 * graph, {@code all} (nodes and edges), {@code nodes}, {@code edges}, {@code shape} (counts per
 * label and type) or {@code table} (the node tables, as rows).
 */
public enum OutputType {
    ALL, JSON, EDGES, NODES, TABLE, SHAPE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputType parse(String value, String field) {
        if (value != null) {
            for (OutputType t : values()) {
                if (t.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new ValidationException(field, field + " must be one of all, json, edges, nodes, table, shape; got '" + value + "'");
    }
}
