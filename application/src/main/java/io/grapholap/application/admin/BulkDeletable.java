package io.grapholap.application.admin;

import io.grapholap.application.security.Actor;
import java.time.Instant;
import java.util.List;

/**
 * One resource kind that admin bulk delete ({@code DELETE /api/admin/resources/bulk}, the Python
 * SDK's AdminResource) can remove. Each kind's delete keeps its own rules: a resource with
 * dependants is refused as by its own DELETE route.
 */
public interface BulkDeletable {

    /** Wire name of the kind: {@code mapping}, {@code snapshot}, {@code instance}, … */
    String resourceType();

    /** Resources matching every non-null field of {@code filter}, oldest first, at most {@code limit}. */
    List<Candidate> find(Filter filter, int limit);

    /** Deletes one resource as {@code actor} would through its own route. */
    void delete(Actor actor, long id);

    /** Filters; null means "any". {@code namePrefix} matches the start of the name. */
    record Filter(String owner, String namePrefix, Instant createdBefore, String status) {
    }

    record Candidate(long id, String name, String owner, String status, Instant createdAt) {
    }
}
