package io.grapholap.server.config;

import io.grapholap.application.endpoint.EndpointFunctions;
import io.grapholap.application.restpp.DeclaredParameter;
import io.grapholap.application.restpp.QueryFunctions;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test UDF store with functions written in Java, for the HTTP tests of the endpoint and REST++
 * routes: only in a server started with {@code grapholap.test.scripted-functions=true}. Organisation
 * {@code acme} holds {@code echo} (declares {@code k INT} and {@code seeds SET<VERTEX<person>>},
 * answers what it was given), {@code many} (answers {@code n} strings) and {@code mirror} (an
 * endpoint function answering its request and user).
 */
@Singleton
@Primary
@Requires(property = "grapholap.test.scripted-functions", value = "true")
final class ScriptedFunctions implements EndpointFunctions, QueryFunctions {

    private static final List<String> NAMES = List.of("echo", "many", "mirror");

    @Override
    public String resolve(Actor actor, String organization, String uuidOrAlias) {
        return find(actor, organization, uuidOrAlias).uuid();
    }

    @Override
    public Object run(Actor actor, String organization, String function, Map<String, Object> request, Map<String, Object> user,
                      Duration timeout) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("function", function);
        out.put("request", request);
        out.put("user", user);
        return out;
    }

    @Override
    public QueryFunction find(Actor actor, String organization, String uuidOrAlias) {
        String name = uuidOrAlias.startsWith("uuid-") ? uuidOrAlias.substring(5) : uuidOrAlias;
        if (!organization.equals("acme") || !NAMES.contains(name)) {
            throw new NotFoundException("function", uuidOrAlias);
        }
        List<DeclaredParameter> parameters = name.equals("echo")
                ? List.of(new DeclaredParameter("k", "INT"), new DeclaredParameter("seeds", "SET<VERTEX<person>>"))
                : List.of(new DeclaredParameter("n", "UINT"));
        return new QueryFunction(organization, "uuid-" + name, "js", parameters);
    }

    @Override
    public Object run(Actor actor, QueryFunction function, String dataset, Map<String, Object> executeArgs, Duration timeout) {
        if (function.uuid().equals("uuid-many")) {
            List<String> out = new ArrayList<>();
            long n = ((Number) executeArgs.getOrDefault("n", 0L)).longValue();
            for (long i = 0; i < n; i++) {
                out.add("row-" + i);
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", dataset);
        out.put("args", executeArgs);
        out.put("timeout_ms", timeout == null ? null : timeout.toMillis());
        return out;
    }
}
