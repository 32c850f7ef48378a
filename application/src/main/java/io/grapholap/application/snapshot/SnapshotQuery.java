package io.grapholap.application.snapshot;

import static io.grapholap.application.common.QueryValues.blankToNull;
import static io.grapholap.application.common.QueryValues.checkCreatedWindow;

import io.grapholap.application.common.QueryValues;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of the snapshot list; null means "any". {@code search} matches name or description
 * (case-insensitive); {@code createdAfter} is inclusive, {@code createdBefore} exclusive.
 */
public record SnapshotQuery(Long mappingId, Integer mappingVersion, String owner, SnapshotStatus status, String search,
                            Instant createdAfter, Instant createdBefore) {

    public static final Set<String> SORTABLE = Set.of("created_at", "name", "status", "updated_at");
    public static final String DEFAULT_SORT = "created_at";

    public SnapshotQuery {
        owner = blankToNull(owner);
        search = blankToNull(search);
        checkCreatedWindow(createdAfter, createdBefore);
    }

    /** Builds a query from raw query parameters; timestamps are ISO-8601 instants or dates (UTC). */
    public static SnapshotQuery of(Long mappingId, Integer mappingVersion, String owner, String status, String search,
                                   String createdAfter, String createdBefore) {
        return new SnapshotQuery(mappingId, mappingVersion, owner,
                status == null || status.isBlank() ? null : SnapshotStatus.parse("status", status), search,
                QueryValues.instant("created_after", createdAfter), QueryValues.instant("created_before", createdBefore));
    }
}
