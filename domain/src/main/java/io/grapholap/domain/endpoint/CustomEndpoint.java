package io.grapholap.domain.endpoint;

import java.time.Instant;
import java.util.Objects;

/**
 * A UDF published under {@code /proxy/{route}} for one HTTP method. {@code function} is
 * the UDF's uuid in {@code organization}, resolved when the endpoint was created; {@code id} is null
 * until stored.
 */
public record CustomEndpoint(Long id, RouteTemplate route, EndpointMethod method, String organization, String function,
                             String owner, Instant createdAt) {

    public CustomEndpoint {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public CustomEndpoint withId(long newId) {
        return new CustomEndpoint(newId, route, method, organization, function, owner, createdAt);
    }
}
