package io.grapholap.rest.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error the framework produces (unknown route, wrong method, unsupported media type,
 * oversize body, unhandled exception) into the error envelope. Server errors never echo exception
 * text: they carry a reference that is also logged with the stack trace. An exception caused by an
 * {@link OutOfMemoryError} (a driver or library that wrapped it) answers as the error itself would.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ErrorEnvelopeProcessor implements ErrorResponseProcessor<ErrorEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorEnvelopeProcessor.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ErrorEnvelope> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ErrorEnvelope>) response;
        }
        OutOfMemoryError outOfMemory = OutOfMemoryHandler.outOfMemoryCause(context.getRootCause().orElse(null));
        if (outOfMemory != null) {
            return OutOfMemoryHandler.answer(context.getRequest(), outOfMemory, response);
        }
        int status = response.code();
        String message;
        Map<String, Object> details = Map.of();
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.error("internal error {} on {} {}", reference, context.getRequest().getMethod(), context.getRequest().getPath(),
                    context.getRootCause().orElse(null));
            message = "internal error; the server log has the details under reference " + reference;
            details = Map.of("reference", reference);
        } else if (context.hasErrors()) {
            message = context.getErrors().getFirst().getMessage();
        } else {
            message = response.reason();
        }
        return ((MutableHttpResponse<ErrorEnvelope>) response)
                .body(ErrorEnvelope.of(ErrorCodes.forStatus(status), message, details))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
