package io.grapholap.application.instance;

import static io.grapholap.application.common.QueryValues.blankToNull;
import static io.grapholap.application.common.QueryValues.checkCreatedWindow;

import io.grapholap.application.common.QueryValues;
import io.grapholap.domain.instance.InstanceStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of the instance list; null means "any". {@code search} matches name or description
 * (case-insensitive); {@code createdAfter} is inclusive, {@code createdBefore} exclusive;
 * {@code namePrefix} matches the start of the name (admin bulk delete).
 */
public record InstanceQuery(Long snapshotId, String owner, InstanceStatus status, String search, String namePrefix,
                            Instant createdAfter, Instant createdBefore) {

    public static final Set<String> SORTABLE = Set.of("created_at", "name", "status", "updated_at", "expires_at");
    public static final String DEFAULT_SORT = "created_at";

    public InstanceQuery {
        owner = blankToNull(owner);
        search = blankToNull(search);
        namePrefix = blankToNull(namePrefix);
        checkCreatedWindow(createdAfter, createdBefore);
    }

    /** Builds a query from raw query parameters; timestamps are ISO-8601 instants or dates (UTC). */
    public static InstanceQuery of(Long snapshotId, String owner, String status, String search, String createdAfter,
                                   String createdBefore) {
        return new InstanceQuery(snapshotId, owner,
                status == null || status.isBlank() ? null : InstanceStatus.parse("status", status), search, null,
                QueryValues.instant("created_after", createdAfter), QueryValues.instant("created_before", createdBefore));
    }
}
