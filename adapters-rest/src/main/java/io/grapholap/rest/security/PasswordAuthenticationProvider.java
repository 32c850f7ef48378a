package io.grapholap.rest.security;

import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.rest.audit.AuditFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Username and password, for {@code POST /api/auth/login} and for Basic auth. Runs on the blocking
 * executor (bcrypt is deliberately slow). On the login route it tells the audit filter who tried.
 */
@Singleton
final class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final AuthenticateWithPassword authenticate;

    PasswordAuthenticationProvider(AuthenticateWithPassword authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        if (request != null && credentials.getIdentity() != null) {
            AuditFilter.attemptedBy(request, credentials.getIdentity());
        }
        return authenticate.authenticate(credentials.getIdentity(), credentials.getSecret())
                .map(Authentications::success)
                .orElseGet(() -> AuthenticationResponse.failure("invalid username or password, or the account is disabled"));
    }
}
