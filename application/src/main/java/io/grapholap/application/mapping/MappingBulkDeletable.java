package io.grapholap.application.mapping;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import java.util.ArrayList;
import java.util.List;

/**
 * Mappings for admin bulk delete. Owner and creation time are filtered by the store; a name
 * prefix narrows the store query by substring and is then matched exactly (case-sensitive) here,
 * reading at most {@link #MAX_SCANNED} mappings. Mappings have no status, so that filter is
 * refused. Deletion goes through {@link DeleteMapping}: a mapping with snapshots is refused.
 */
public final class MappingBulkDeletable implements BulkDeletable {

    static final int MAX_SCANNED = 10_000;

    private final MappingRepository repository;
    private final DeleteMapping delete;

    public MappingBulkDeletable(MappingRepository repository, DeleteMapping delete) {
        this.repository = repository;
        this.delete = delete;
    }

    @Override
    public String resourceType() {
        return "mapping";
    }

    @Override
    public List<Candidate> find(Filter filter, int limit) {
        if (filter.status() != null) {
            throw new ValidationException("filters.status", "mappings have no status; use owner, name_prefix or created_before");
        }
        MappingQuery query = new MappingQuery(filter.owner(), filter.namePrefix(), null, filter.createdBefore());
        List<Candidate> found = new ArrayList<>();
        for (int offset = 0; offset < MAX_SCANNED && found.size() < limit; offset += PageRequest.MAX_LIMIT) {
            Page<Mapping> page = repository.list(query, new PageRequest(offset, PageRequest.MAX_LIMIT, "created_at", false));
            for (Mapping m : page.items()) {
                if ((filter.namePrefix() == null || m.name().startsWith(filter.namePrefix())) && found.size() < limit) {
                    found.add(new Candidate(m.id().value(), m.name(), m.owner(), null, m.createdAt()));
                }
            }
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        return found;
    }

    @Override
    public void delete(Actor actor, long id) {
        delete.delete(actor, new MappingId(id));
    }
}
