package io.grapholap.application.common;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;
import java.util.Set;

/**
 * Which slice of a list to return and in what order. Limits are bounded (at most {@link #MAX_LIMIT}
 * items) and the sort field must be one the list allows.
 */
public record PageRequest(int offset, int limit, String sortBy, boolean descending) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;

    public PageRequest {
        if (offset < 0) {
            throw new ValidationException("offset", "offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * Builds a request from raw query values, defaulting what is absent and checking the sort field
     * against {@code sortable}.
     */
    public static PageRequest of(Integer offset, Integer limit, String sortBy, String sortOrder,
                                 Set<String> sortable, String defaultSort) {
        String field = sortBy == null || sortBy.isBlank() ? defaultSort : sortBy;
        if (!sortable.contains(field)) {
            throw new ValidationException("sort_by", "cannot sort by '" + field + "'; allowed: " + String.join(", ", sortable.stream().sorted().toList()));
        }
        String order = sortOrder == null || sortOrder.isBlank() ? "desc" : sortOrder.toLowerCase(Locale.ROOT);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new ValidationException("sort_order", "sort_order must be asc or desc, got '" + sortOrder + "'");
        }
        return new PageRequest(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit, field, order.equals("desc"));
    }
}
