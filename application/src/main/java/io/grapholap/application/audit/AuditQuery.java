package io.grapholap.application.audit;

import static io.grapholap.application.common.QueryValues.blankToNull;

import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * Filters for reading the audit trail: exact actor, action prefix (so {@code DELETE} matches every
 * delete), a time window [since, until), and a page.
 */
public record AuditQuery(String actor, String action, Instant since, Instant until, PageRequest page) {

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new ValidationException("until", "until must be after since");
        }
        Objects.requireNonNull(page, "page");
    }
}
