package io.grapholap.cypher.ast;

import java.util.List;

/**
 * A whole query: one or more single queries joined by {@code UNION} ({@code unionAll.get(i)} says
 * whether the join before {@code parts.get(i + 1)} keeps duplicates).
 */
public record Query(List<SingleQuery> parts, List<Boolean> unionAll) {

    public Query {
        parts = List.copyOf(parts);
        unionAll = List.copyOf(unionAll);
        if (unionAll.size() != parts.size() - 1) {
            throw new IllegalArgumentException("a union joins " + parts.size() + " parts with " + unionAll.size() + " unions");
        }
    }
}
