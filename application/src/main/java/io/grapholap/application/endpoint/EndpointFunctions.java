package io.grapholap.application.endpoint;

import io.grapholap.application.security.Actor;
import java.time.Duration;
import java.util.Map;

/** Out-port: the UDFs custom endpoints publish (a UDF store that can run functions as endpoints). */
public interface EndpointFunctions {

    /**
     * The uuid of function {@code uuidOrAlias} of {@code organization}, checking that the caller may run it.
     *
     * @throws io.grapholap.domain.error.NotFoundException when there is no such function
     */
    String resolve(Actor actor, String organization, String uuidOrAlias);

    /**
     * Runs the function's {@code task(request, user, session)} for {@code actor} and returns the
     * plain value (null, Boolean, Number, String, List, Map) it returned. {@code timeout} null keeps
     * the store's default.
     */
    Object run(Actor actor, String organization, String function, Map<String, Object> request, Map<String, Object> user,
               Duration timeout);
}
