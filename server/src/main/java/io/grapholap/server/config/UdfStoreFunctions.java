package io.grapholap.server.config;

import io.grapholap.application.endpoint.EndpointFunctions;
import io.grapholap.application.restpp.DeclaredParameter;
import io.grapholap.application.restpp.QueryFunctions;
import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.RunFunctions;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.UserFunction;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Custom endpoints and REST++ routes run saved UDFs through {@link RunFunctions} (present when a
 * function runtime is): endpoints by {@code runEndpoint}, REST++ queries by {@code run} on the URL's
 * dataset with the built {@code execute_args}. A GSQL-TIMEOUT above the maximum run timeout is
 * lowered to it. REST++ answers JSON, so a function whose {@code format} is not json is refused
 * before it runs.
 */
@Singleton
@Requires(beans = RunFunctions.class)
final class UdfStoreFunctions implements EndpointFunctions, QueryFunctions {

    private final RunFunctions runs;

    UdfStoreFunctions(RunFunctions runs) {
        this.runs = runs;
    }

    @Override
    public String resolve(Actor actor, String organization, String uuidOrAlias) {
        return runs.find(actor, organization, uuidOrAlias).uuid();
    }

    @Override
    public Object run(Actor actor, String organization, String function, Map<String, Object> request, Map<String, Object> user,
                      Duration timeout) {
        return runs.runEndpoint(actor, organization, function, request, user, timeout);
    }

    @Override
    public QueryFunction find(Actor actor, String organization, String uuidOrAlias) {
        UserFunction f = runs.find(actor, organization, uuidOrAlias);
        if (f.format() != OutputFormat.JSON) {
            throw new ValidationException("format", "REST++ routes answer JSON; function " + f.name() + " answers " + f.format().wireName());
        }
        return new QueryFunction(f.organization(), f.uuid(), f.type(),
                f.parameters().stream().map(p -> new DeclaredParameter(p.name(), p.type())).toList());
    }

    @Override
    public Object run(Actor actor, QueryFunction function, String dataset, Map<String, Object> executeArgs, Duration timeout) {
        Duration max = runs.settings().maxTimeout();
        Duration capped = timeout == null ? null : timeout.compareTo(max) > 0 ? max : timeout;
        return runs.run(actor, new RunFunctions.RunRequest(function.organization(), function.language(), function.uuid(),
                dataset, null, executeArgs, null, capped, null)).value();
    }
}
