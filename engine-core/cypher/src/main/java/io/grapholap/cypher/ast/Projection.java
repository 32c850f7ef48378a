package io.grapholap.cypher.ast;

import java.util.List;

/**
 * What {@code WITH} and {@code RETURN} project: {@code all} for a leading {@code *}, then the items,
 * the order, and the skip and limit expressions (null when absent).
 */
public record Projection(boolean distinct, boolean all, List<ProjectionItem> items, List<SortItem> orderBy, Expression skip,
                         Expression limit) {

    public Projection {
        items = List.copyOf(items);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * One projected expression. {@code name} is the column it becomes: the alias, or the expression's
     * text as written when there is none ({@code RETURN n.name} gives the column {@code n.name});
     * {@code aliased} says which.
     */
    public record ProjectionItem(Expression expression, String name, boolean aliased) {
    }

    /** One {@code ORDER BY} key. */
    public record SortItem(Expression expression, boolean descending) {
    }
}
