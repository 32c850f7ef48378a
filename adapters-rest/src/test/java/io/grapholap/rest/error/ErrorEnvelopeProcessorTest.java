package io.grapholap.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

class ErrorEnvelopeProcessorTest {

    private final ErrorEnvelopeProcessor processor = new ErrorEnvelopeProcessor();

    @Test
    void anExceptionCausedByRunningOutOfMemoryAnswersAsTheErrorItselfWould() {
        // the PostgreSQL driver, for one, wraps the error in an exception of its own
        var failure = new IllegalStateException("Ran out of memory retrieving query results.",
                new RuntimeException(new OutOfMemoryError("Java heap space")));
        MutableHttpResponse<ErrorEnvelope> r = processor.processResponse(
                ErrorContext.builder(HttpRequest.GET("/api/auth/me")).cause(failure).build(), HttpResponse.serverError());

        assertThat(r.code()).isEqualTo(503);
        assertThat(r.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ErrorEnvelope.Body body = r.getBody().orElseThrow().error();
        assertThat(body.code()).isEqualTo("OUT_OF_MEMORY");
        assertThat(body.message()).contains("ran out of memory").contains((String) body.details().get("reference"));
    }

    @Test
    void anyOtherServerErrorIs500WithAReferenceAndNoExceptionText() {
        MutableHttpResponse<ErrorEnvelope> r = processor.processResponse(
                ErrorContext.builder(HttpRequest.GET("/api/auth/me")).cause(new IllegalStateException("secret detail")).build(),
                HttpResponse.serverError());

        assertThat(r.code()).isEqualTo(500);
        ErrorEnvelope.Body body = r.getBody().orElseThrow().error();
        assertThat(body.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.message()).doesNotContain("secret detail").contains((String) body.details().get("reference"));
    }
}
