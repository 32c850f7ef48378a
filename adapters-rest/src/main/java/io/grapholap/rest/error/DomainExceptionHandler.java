package io.grapholap.rest.error;

import io.grapholap.domain.error.DomainException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Domain errors keep their own code and details; only the status is chosen here. */
@Produces
@Singleton
@Requires(classes = {DomainException.class, ExceptionHandler.class})
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ErrorEnvelope>> {

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, DomainException exception) {
        return HttpResponse.<ErrorEnvelope>status(ErrorCodes.statusOf(exception))
                .body(ErrorEnvelope.of(exception.code(), exception.getMessage(), exception.details()));
    }
}
