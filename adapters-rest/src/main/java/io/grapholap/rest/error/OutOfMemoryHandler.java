package io.grapholap.rest.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that ran out of heap answers 503 {@code OUT_OF_MEMORY} with a reference that the log
 * repeats, and the thread that served it lives on: the error ends the request, not the server. Should
 * the process stay unable to serve, the liveness monitor ends it (see {@code Liveness}).
 */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
final class OutOfMemoryHandler implements ExceptionHandler<OutOfMemoryError, HttpResponse<ErrorEnvelope>> {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryHandler.class);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, OutOfMemoryError error) {
        String reference = UUID.randomUUID().toString();
        LOG.error("out of memory {} on {} {}: {}", reference, request.getMethod(), request.getPath(), error.getMessage());
        return HttpResponse.<ErrorEnvelope>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ErrorEnvelope.of("OUT_OF_MEMORY", "the server ran out of memory serving this request; try again later "
                        + "(reference " + reference + ")", Map.of("reference", reference)));
    }
}
