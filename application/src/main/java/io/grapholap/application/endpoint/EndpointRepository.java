package io.grapholap.application.endpoint;

import io.grapholap.domain.endpoint.CustomEndpoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Out-port: custom endpoints, unique by route shape and method, listed by id. */
public interface EndpointRepository {

    /** Stores a new endpoint and returns it with its id; empty when its route shape and method are taken. */
    Optional<CustomEndpoint> create(CustomEndpoint endpoint);

    Optional<CustomEndpoint> find(long id);

    /** Endpoints of the given organisations (every endpoint when null), by id. */
    List<CustomEndpoint> list(Collection<String> organizations, int offset, int limit);

    long count(Collection<String> organizations);

    /** Endpoints whose route has {@code segments} segments, at most {@code limit} of them. */
    List<CustomEndpoint> withSegments(int segments, int limit);

    boolean delete(long id);
}
