package io.grapholap.rest.error;

import io.grapholap.rest.web.RestppEnvelope;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Errors on the REST++ routes ({@code /graph/**}, {@code /query/**}) in the REST++ envelope
 * {@code {version, error, message, results, code, details}}, whoever produced them: the framework
 * (401, 404, 405, 413, 415), the edge checks or a handler that speaks the platform envelope. It runs
 * outermost, so it sees every answer last.
 */
@ServerFilter(patterns = {"/graph/**", "/query/**"})
final class RestppErrorEnvelopeFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void restppEnvelope(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof ErrorEnvelope envelope) {
            ((MutableHttpResponse<Object>) response).body(RestppEnvelope.error(envelope.error().code(), envelope.error().message(),
                    envelope.error().details())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
