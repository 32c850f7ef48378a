package io.grapholap.rest.security;

import io.grapholap.rest.error.ErrorEnvelope;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Refusals by the security rules, in the platform error envelope: 401 {@code UNAUTHORIZED} when
 * no valid credential came with the call, saying what was wrong with it (missing, malformed,
 * expired, revoked, unknown key, an account that cannot act: {@link CredentialProblems}), 403 {@code PERMISSION_DENIED} when the caller's roles do not allow it.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationErrorHandler implements ExceptionHandler<AuthorizationException, HttpResponse<ErrorEnvelope>> {

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden() && exception.getAuthentication() != null) {
            List<String> roles = List.copyOf(exception.getAuthentication().getRoles());
            return HttpResponse.<ErrorEnvelope>status(HttpStatus.FORBIDDEN).body(ErrorEnvelope.of("PERMISSION_DENIED",
                    "the roles of " + exception.getAuthentication().getName() + " " + roles + " do not allow "
                            + request.getMethodName() + " " + request.getPath(),
                    Map.of("roles", roles)));
        }
        return HttpResponse.<ErrorEnvelope>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"grapholap\"")
                .body(ErrorEnvelope.of("UNAUTHORIZED", Authentications.refusal(request)
                        .orElseGet(() -> CredentialProblems.describe(request, Instant.now())), Map.of()));
    }
}
