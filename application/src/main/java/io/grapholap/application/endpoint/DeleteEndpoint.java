package io.grapholap.application.endpoint;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.error.NotFoundException;

/** Removes a custom endpoint: its owner or an admin may; others of its organisation see it but get 403. */
public final class DeleteEndpoint {

    private final EndpointRepository repository;

    public DeleteEndpoint(EndpointRepository repository) {
        this.repository = repository;
    }

    public void delete(Actor actor, long id) {
        CustomEndpoint endpoint = repository.find(id).filter(e -> ReadEndpoints.visible(actor, e))
                .orElseThrow(() -> new NotFoundException("endpoint", id));
        actor.requireOwnerOrAdmin(endpoint.owner(), "endpoint " + id);
        if (!repository.delete(id)) {
            throw new NotFoundException("endpoint", id);
        }
    }
}
