package io.grapholap.domain.error;

import java.util.Map;

/**
 * A query that cannot run as written: its text does not parse, it writes to a read-only graph, it names
 * something that does not exist, a value has the wrong type, or it would hold more rows than allowed.
 * The {@link #code()} says which ({@code QUERY_SYNTAX_ERROR}, {@code READ_ONLY_QUERY}, …); the details
 * say where (line, column, token, clause) and which limit.
 */
public final class QueryException extends DomainException {

    public QueryException(String code, String message, Map<String, ?> details) {
        super(code, message, details);
    }
}
