package io.grapholap.application.restpp;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The REST++ query route ({@code GET/POST /query/{dataset}/{function}}, TigerGraph style): finds the
 * function by alias among the caller's organisations (or by uuid), builds its {@code execute_args}
 * from the query string and the JSON body by its declared parameters ({@link QueryParameters}) and
 * runs it on the dataset. An alias found in two of the caller's organisations is ambiguous (400: use
 * the uuid).
 */
public final class RunQuery {

    /**
     * The run time a call gets without {@code GSQL-TIMEOUT}: TigerGraph's default of 16 seconds
     * (seed 004), rather than the UDF default.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(16);

    /** One call: {@code body} is the parsed JSON object of a POST (null when none), {@code timeout} from GSQL-TIMEOUT (null: {@link #DEFAULT_TIMEOUT}). */
    public record Call(String dataset, String function, Map<String, List<String>> query, Map<String, Object> body, Duration timeout) {
        public Call {
            query = query == null ? Map.of() : query;
        }
    }

    private final QueryFunctions functions;

    public RunQuery(QueryFunctions functions) {
        this.functions = functions;
    }

    /** The function's output as plain values. */
    public Object run(Actor actor, Call call) {
        if (call.dataset() == null || call.dataset().isBlank()) {
            throw new ValidationException("dataset", "dataset is required");
        }
        QueryFunctions.QueryFunction function = find(actor, call.function());
        Map<String, Object> fromQuery = QueryParameters.fromQuery(function.parameters(), call.query());
        Map<String, Object> args = call.body() == null ? fromQuery
                : QueryParameters.merge(fromQuery, QueryParameters.fromJson(function.parameters(), call.body()));
        return functions.run(actor, function, call.dataset(), args, call.timeout() == null ? DEFAULT_TIMEOUT : call.timeout());
    }

    private QueryFunctions.QueryFunction find(Actor actor, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new ValidationException("function", "function (a UDF alias or uuid) is required");
        }
        List<QueryFunctions.QueryFunction> found = new ArrayList<>();
        PermissionDeniedException denied = null;
        for (String organization : new TreeSet<>(actor.organizations())) {
            try {
                found.add(functions.find(actor, organization, reference));
            } catch (NotFoundException absent) {
                // Not in this organisation; the others may have it.
            } catch (PermissionDeniedException e) {
                denied = e;
            }
        }
        if (found.size() > 1) {
            throw new ValidationException("function", "function " + reference + " exists in several of your organisations ("
                    + String.join(", ", found.stream().map(QueryFunctions.QueryFunction::organization).toList()) + "); call it by uuid");
        }
        if (found.isEmpty()) {
            if (denied != null) {
                throw denied;
            }
            throw new NotFoundException("function", reference);
        }
        return found.getFirst();
    }
}
