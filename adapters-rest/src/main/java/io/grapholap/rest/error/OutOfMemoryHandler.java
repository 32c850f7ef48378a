package io.grapholap.rest.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that ran out of heap answers 503 {@code OUT_OF_MEMORY} with a reference that the log
 * repeats (also when a library wrapped the error in an exception of its own, see
 * {@link ErrorEnvelopeProcessor}), and the thread that served it lives on: the error ends the request, not the server. Should
 * the process stay unable to serve, the liveness monitor ends it (see {@code Liveness}).
 */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
final class OutOfMemoryHandler implements ExceptionHandler<OutOfMemoryError, HttpResponse<ErrorEnvelope>> {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryHandler.class);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, OutOfMemoryError error) {
        return answer(request, error, HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }

    /** The out-of-memory cause of {@code failure}, itself or one of its causes; null when there is none. */
    static OutOfMemoryError outOfMemoryCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** Makes {@code response} the 503 {@code OUT_OF_MEMORY} answer, logged under a fresh reference. */
    @SuppressWarnings("unchecked")
    static MutableHttpResponse<ErrorEnvelope> answer(HttpRequest<?> request, OutOfMemoryError error, MutableHttpResponse<?> response) {
        String reference = UUID.randomUUID().toString();
        LOG.error("out of memory {} on {} {}: {}", reference, request.getMethod(), request.getPath(), error.getMessage());
        return ((MutableHttpResponse<ErrorEnvelope>) response)
                .status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorEnvelope.of("OUT_OF_MEMORY", "the server ran out of memory serving this request; try again later "
                        + "(reference " + reference + ")", Map.of("reference", reference)));
    }
}
