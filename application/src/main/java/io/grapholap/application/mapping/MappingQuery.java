package io.grapholap.application.mapping;

import static io.grapholap.application.common.QueryValues.blankToNull;
import static io.grapholap.application.common.QueryValues.checkCreatedWindow;

import io.grapholap.application.common.QueryValues;
import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.Set;

/**
 * Filters for listing mappings: exact owner, a case-insensitive substring of name or description,
 * and a creation-time window ({@code createdAfter} inclusive, {@code createdBefore} exclusive).
 * Null means no filter.
 */
public record MappingQuery(String owner, String search, Instant createdAfter, Instant createdBefore) {

    public static final Set<String> SORTABLE = Set.of("name", "created_at", "current_version");
    public static final String DEFAULT_SORT = "created_at";

    public MappingQuery {
        owner = blankToNull(owner);
        search = blankToNull(search);
        if (search != null && search.length() > 255) {
            throw new ValidationException("search", "search must be at most 255 characters");
        }
        checkCreatedWindow(createdAfter, createdBefore);
    }

    /** Builds a query from raw query parameters; timestamps are ISO-8601 instants or dates (UTC). */
    public static MappingQuery of(String owner, String search, String createdAfter, String createdBefore) {
        return new MappingQuery(owner, search, QueryValues.instant("created_after", createdAfter),
                QueryValues.instant("created_before", createdBefore));
    }
}
