package io.grapholap.rest.error;

import io.grapholap.domain.error.RateLimitedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 429 in the error envelope, with {@code Retry-After} in seconds as RFC 9110 has it. */
@Produces
@Singleton
@Requires(classes = {RateLimitedException.class, ExceptionHandler.class})
final class RateLimitedExceptionHandler implements ExceptionHandler<RateLimitedException, HttpResponse<ErrorEnvelope>> {

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, RateLimitedException exception) {
        return HttpResponse.<ErrorEnvelope>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .body(ErrorEnvelope.of(exception.code(), exception.getMessage(), exception.details()));
    }
}
