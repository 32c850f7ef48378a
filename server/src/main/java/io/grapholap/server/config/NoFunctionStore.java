package io.grapholap.server.config;

import io.grapholap.application.endpoint.EndpointFunctions;
import io.grapholap.application.restpp.QueryFunctions;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.UnavailableException;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * What custom endpoints and REST++ routes run on while this server has no UDF store: every call
 * answers 503 SERVICE_UNAVAILABLE saying so. A UDF store's beans for these ports win over this one.
 */
@Singleton
@Secondary
final class NoFunctionStore implements EndpointFunctions, QueryFunctions {

    private static UnavailableException unavailable() {
        return new UnavailableException("SERVICE_UNAVAILABLE", "this server has no UDF store; user-defined functions cannot run here",
                Map.of());
    }

    @Override
    public String resolve(Actor actor, String organization, String uuidOrAlias) {
        throw unavailable();
    }

    @Override
    public Object run(Actor actor, String organization, String function, Map<String, Object> request, Map<String, Object> user,
                      Duration timeout) {
        throw unavailable();
    }

    @Override
    public QueryFunction find(Actor actor, String organization, String uuidOrAlias) {
        throw unavailable();
    }

    @Override
    public Object run(Actor actor, QueryFunction function, String dataset, Map<String, Object> executeArgs, Duration timeout) {
        throw unavailable();
    }
}
