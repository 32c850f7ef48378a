package io.grapholap.application.instance;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.instance.InstanceStatus;
import java.util.List;

/** Instances for admin bulk delete: found by the list query, deleted through {@link InstanceUseCases#delete}. */
public final class InstanceBulkDelete implements BulkDeletable {

    private final InstanceRepository instances;
    private final InstanceUseCases useCases;

    public InstanceBulkDelete(InstanceRepository instances, InstanceUseCases useCases) {
        this.instances = instances;
        this.useCases = useCases;
    }

    @Override
    public String resourceType() {
        return "instance";
    }

    @Override
    public List<Candidate> find(Filter filter, int limit) {
        InstanceQuery query = new InstanceQuery(null, filter.owner(), filter.status() == null ? null
                : InstanceStatus.parse("status", filter.status()), null, filter.namePrefix(), null, filter.createdBefore());
        return instances.list(query, new PageRequest(0, Math.min(limit, PageRequest.MAX_LIMIT), "created_at", false)).items()
                .stream().map(i -> new Candidate(i.id(), i.name(), i.owner(), i.status().wire(), i.createdAt())).toList();
    }

    @Override
    public void delete(Actor actor, long id) {
        useCases.delete(actor, id);
    }
}
