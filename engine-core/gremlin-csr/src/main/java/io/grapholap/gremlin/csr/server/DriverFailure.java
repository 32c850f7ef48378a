package io.grapholap.gremlin.csr.server;

import io.grapholap.domain.error.DomainException;
import java.util.Map;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;

/**
 * A request the driver protocol answers with a TinkerPop error status of its own choosing: a
 * malformed or unsupported request, a traversal that failed while it ran, a result that could not
 * be serialized. The message is for the client and never holds a stack trace.
 */
final class DriverFailure extends DomainException {

    private final ResponseStatusCode status;
    private final Map<String, Object> attributes;

    DriverFailure(ResponseStatusCode status, String code, String message) {
        this(status, code, message, Map.of());
    }

    DriverFailure(ResponseStatusCode status, String code, String message, Map<String, Object> attributes) {
        super(code, message, Map.of());
        this.status = status;
        this.attributes = Map.copyOf(attributes);
    }

    ResponseStatusCode status() {
        return status;
    }

    /** Status attributes beyond the error code (the fail step's message, for one). */
    Map<String, Object> attributes() {
        return attributes;
    }

    static DriverFailure invalidArguments(String message) {
        return new DriverFailure(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS, "INVALID_REQUEST_ARGUMENTS", message);
    }

    static DriverFailure malformed(String message) {
        return new DriverFailure(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST, "MALFORMED_REQUEST", message);
    }

    static DriverFailure evaluation(String message) {
        return new DriverFailure(ResponseStatusCode.SERVER_ERROR_EVALUATION, "EVALUATION_FAILED", message);
    }

    static DriverFailure serialization(String message) {
        return new DriverFailure(ResponseStatusCode.SERVER_ERROR_SERIALIZATION, "SERIALIZATION_FAILED", message);
    }
}
