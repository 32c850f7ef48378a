package io.grapholap.application.endpoint;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.error.NotFoundException;
import java.util.Collection;

/** Lists and reads custom endpoints: those of the caller's organisations, every one for an admin. */
public final class ReadEndpoints {

    private final EndpointRepository repository;

    public ReadEndpoints(EndpointRepository repository) {
        this.repository = repository;
    }

    public Page<CustomEndpoint> list(Actor actor, int offset, int limit) {
        PageRequest page = new PageRequest(offset, limit, "id", false);
        Collection<String> orgs = actor.isAdmin() ? null : actor.organizations();
        return new Page<>(repository.list(orgs, page.offset(), page.limit()), repository.count(orgs), page.offset(), page.limit());
    }

    public CustomEndpoint get(Actor actor, long id) {
        return repository.find(id).filter(e -> visible(actor, e)).orElseThrow(() -> new NotFoundException("endpoint", id));
    }

    static boolean visible(Actor actor, CustomEndpoint endpoint) {
        return actor.isAdmin() || actor.organizations().contains(endpoint.organization());
    }
}
