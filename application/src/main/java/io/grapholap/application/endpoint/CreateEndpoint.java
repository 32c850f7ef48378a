package io.grapholap.application.endpoint;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.endpoint.EndpointMethod;
import io.grapholap.domain.endpoint.RouteTemplate;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Organization;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Publishes a UDF of the caller's organisation as a custom endpoint. The organisation is the one
 * named, or the caller's only one; the function (uuid or alias) must exist there and be runnable by
 * the caller. A route shape and method can be taken once (409), and the server holds at most
 * {@link #MAX_ENDPOINTS} endpoints.
 */
public final class CreateEndpoint {

    public static final int MAX_ENDPOINTS = 1000;

    /** What a client sends: {@code route}, {@code method} (GET when absent), {@code function}, optional {@code organization}. */
    public record Command(String route, String method, String function, String organization) {
    }

    private final EndpointRepository repository;
    private final EndpointFunctions functions;
    private final Clock clock;

    public CreateEndpoint(EndpointRepository repository, EndpointFunctions functions, Clock clock) {
        this.repository = repository;
        this.functions = functions;
        this.clock = clock;
    }

    public CustomEndpoint create(Actor actor, Command command) {
        RouteTemplate route = RouteTemplate.parse(command.route());
        EndpointMethod method = EndpointMethod.parse(command.method());
        if (command.function() == null || command.function().isBlank()) {
            throw new ValidationException("function", "function (a UDF uuid or alias) is required");
        }
        String organization = organization(actor, command.organization());
        if (repository.count(null) >= MAX_ENDPOINTS) {
            throw new ConflictException("CONFLICT", "the server holds at most " + MAX_ENDPOINTS + " custom endpoints",
                    Map.of("limit", MAX_ENDPOINTS));
        }
        String uuid = functions.resolve(actor, organization, command.function().strip());
        CustomEndpoint endpoint = new CustomEndpoint(null, route, method, organization, uuid, actor.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return repository.create(endpoint).orElseThrow(() -> new ConflictException("CONFLICT",
                method + " /proxy/" + route.route() + " is already an endpoint (routes that differ only in parameter names are the same route)",
                Map.of("route", route.route(), "method", method.name())));
    }

    private static String organization(Actor actor, String requested) {
        if (requested == null || requested.isBlank()) {
            if (actor.organizations().size() == 1) {
                return actor.organizations().iterator().next();
            }
            throw new ValidationException("organization", actor.organizations().isEmpty()
                    ? "you belong to no organisation; custom endpoints publish functions of an organisation"
                    : "you belong to several organisations; name one in organization");
        }
        String org = new Organization(requested.strip()).name();
        if (!actor.isAdmin() && !actor.organizations().contains(org)) {
            throw new PermissionDeniedException("you are not a member of organisation " + org);
        }
        return org;
    }
}
