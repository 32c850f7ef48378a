package io.grapholap.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/** Unreadable bodies and parameters: 400 with the field named. */
final class BodyErrorHandlers {

    private BodyErrorHandlers() {
    }

    private static HttpResponse<ErrorEnvelope> badRequest(Throwable failure, String argument) {
        var error = RequestBodyErrors.describe(failure, argument);
        return HttpResponse.<ErrorEnvelope>status(ErrorCodes.statusOf(error))
                .body(ErrorEnvelope.of(error.code(), error.getMessage(), error.details()));
    }

    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static final class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<ErrorEnvelope>> {
        @Override
        public HttpResponse<ErrorEnvelope> handle(HttpRequest request, ConversionErrorException exception) {
            Throwable cause = exception.getConversionError().getCause();
            return badRequest(cause == null ? exception : cause, exception.getArgument().getName());
        }
    }

    @Produces
    @Singleton
    @Replaces(JacksonExceptionHandler.class)
    static final class Jackson implements ExceptionHandler<JsonProcessingException, HttpResponse<ErrorEnvelope>> {
        @Override
        public HttpResponse<ErrorEnvelope> handle(HttpRequest request, JsonProcessingException exception) {
            return badRequest(exception, null);
        }
    }

    @Produces
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static final class Syntax implements ExceptionHandler<JsonSyntaxException, HttpResponse<ErrorEnvelope>> {
        @Override
        public HttpResponse<ErrorEnvelope> handle(HttpRequest request, JsonSyntaxException exception) {
            return badRequest(exception, null);
        }
    }

    @Produces
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    static final class Unsatisfied implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ErrorEnvelope>> {
        @Override
        public HttpResponse<ErrorEnvelope> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            String name = exception.getArgument().getName();
            String field = name.equals("body") ? "body" : exception.getArgument().getAnnotationMetadata()
                    .stringValue(io.micronaut.http.annotation.QueryValue.class).orElse(name);
            return HttpResponse.<ErrorEnvelope>badRequest()
                    .body(ErrorEnvelope.of("VALIDATION_FAILED", "required '" + field + "' is missing", java.util.Map.of("field", field)));
        }
    }
}
