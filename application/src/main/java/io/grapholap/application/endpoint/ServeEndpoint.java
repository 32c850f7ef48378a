package io.grapholap.application.endpoint;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.endpoint.EndpointMethod;
import io.grapholap.domain.endpoint.RouteTemplate;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers a request under {@code /proxy/}: finds the endpoints whose route matches the path, keeps
 * those of the request's method and runs the most specific one (a literal segment beats a parameter,
 * compared from the left). No matching route: {@link NoRoute}; routes that match but none for this
 * method: {@link WrongMethod} with the methods they allow.
 *
 * <p>The function gets {@code request} = {@code {method, path, path_parameters, query_parameters,
 * body}} (body: the parsed JSON for DELETE, PATCH, POST and PUT, else null; query parameters: a
 * string, or a list of strings when repeated) and {@code user} = {@code {name, roles, organizations}}.
 */
public final class ServeEndpoint {

    /** What serving a request came to. */
    public sealed interface Outcome permits Served, NoRoute, WrongMethod {
    }

    /** The function's return value, to be answered as JSON. */
    public record Served(Object value) implements Outcome {
    }

    public record NoRoute() implements Outcome {
    }

    public record WrongMethod(List<String> allowed) implements Outcome {
    }

    /** One incoming request: path segments already split and decoded. */
    public record Call(String method, List<String> path, Map<String, List<String>> query, Object body) {
        public Call {
            path = List.copyOf(path);
            query = query == null ? Map.of() : query;
        }
    }

    private final EndpointRepository repository;
    private final EndpointFunctions functions;

    public ServeEndpoint(EndpointRepository repository, EndpointFunctions functions) {
        this.repository = repository;
        this.functions = functions;
    }

    public Outcome serve(Actor actor, Call call) {
        if (call.path().isEmpty() || call.path().size() > RouteTemplate.MAX_SEGMENTS) {
            return new NoRoute();
        }
        List<CustomEndpoint> matching = new ArrayList<>();
        for (CustomEndpoint e : repository.withSegments(call.path().size(), CreateEndpoint.MAX_ENDPOINTS)) {
            if (e.route().match(call.path()).isPresent()) {
                matching.add(e);
            }
        }
        if (matching.isEmpty()) {
            return new NoRoute();
        }
        Optional<EndpointMethod> method = parseMethod(call.method());
        Optional<CustomEndpoint> chosen = matching.stream().filter(e -> method.isPresent() && e.method() == method.get())
                .max((a, b) -> a.route().compareSpecificity(b.route()));
        if (chosen.isEmpty()) {
            TreeSet<String> allowed = new TreeSet<>();
            matching.forEach(e -> allowed.add(e.method().name()));
            return new WrongMethod(List.copyOf(allowed));
        }
        CustomEndpoint endpoint = chosen.get();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", endpoint.method().name());
        request.put("path", String.join("/", call.path()));
        request.put("path_parameters", endpoint.route().match(call.path()).orElseThrow());
        request.put("query_parameters", queryParameters(call.query()));
        request.put("body", endpoint.method().hasBody() ? call.body() : null);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", actor.username());
        user.put("roles", actor.roles().stream().sorted().map(Role::wireName).toList());
        user.put("organizations", actor.organizations().stream().sorted().toList());
        return new Served(functions.run(actor, endpoint.organization(), endpoint.function(), request, user, null));
    }

    private static Optional<EndpointMethod> parseMethod(String method) {
        try {
            return Optional.of(EndpointMethod.parse(method));
        } catch (ValidationException notOneOfOurs) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> queryParameters(Map<String, List<String>> query) {
        Map<String, Object> out = new LinkedHashMap<>();
        query.forEach((name, values) -> out.put(name, values.size() == 1 ? values.getFirst() : List.copyOf(values)));
        return out;
    }
}
