package io.grapholap.application.restpp;

import io.grapholap.application.security.Actor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Out-port: the UDFs the REST++ query routes run (a UDF store that can find and run functions). */
public interface QueryFunctions {

    /** A function as the REST++ routes need it: where it lives, its uuid, language and declared parameters. */
    record QueryFunction(String organization, String uuid, String language, List<DeclaredParameter> parameters) {
        public QueryFunction {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(language, "language");
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * Function {@code uuidOrAlias} of {@code organization}, checking that the caller may run it.
     *
     * @throws io.grapholap.domain.error.NotFoundException when there is no such function
     * @throws io.grapholap.domain.error.PermissionDeniedException when the caller may not run it
     */
    QueryFunction find(Actor actor, String organization, String uuidOrAlias);

    /**
     * Runs the function's {@code execute} code on {@code dataset} with {@code executeArgs} and returns
     * its JSON output as plain values. {@code timeout} null keeps the store's default; one above the
     * store's maximum is lowered to it.
     */
    Object run(Actor actor, QueryFunction function, String dataset, Map<String, Object> executeArgs, Duration timeout);
}
