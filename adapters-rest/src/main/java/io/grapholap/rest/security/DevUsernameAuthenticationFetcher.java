package io.grapholap.rest.security;

import io.grapholap.application.security.AuthenticateDevUser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code X-Username}, honoured only when {@code grapholap.security.dev-mode=true}
 * ({@code GRAPHOLAP_DEV_MODE}); otherwise this bean does not exist and the header means nothing.
 * It comes after every real credential, so a request that carries one is judged by it; an
 * {@code Authorization} header that carries none ({@link #carriesCredential}) does not stop it.
 */
@Singleton
@Requires(property = "grapholap.security.dev-mode", value = "true")
final class DevUsernameAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-Username";
    private static final Logger LOG = LoggerFactory.getLogger(DevUsernameAuthenticationFetcher.class);

    private final AuthenticateDevUser authenticate;
    private final ExecutorService blocking;

    DevUsernameAuthenticationFetcher(AuthenticateDevUser authenticate, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
        LOG.warn("Development mode: the X-Username header is trusted without a password. Never enable GRAPHOLAP_DEV_MODE in production.");
    }

    @Override
    public int getOrder() {
        // After the JWT and Basic fetchers (order 0): a real credential always wins.
        return 100;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String username = request.getHeaders().get(HEADER);
        if (username == null || request.getHeaders().contains(InternalApiKeyAuthenticationFetcher.HEADER)
                || carriesCredential(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(
                () -> authenticate.authenticate(username.trim()).map(Authentications::of).orElse(null), blocking));
    }

    /**
     * Whether an {@code Authorization} header carries a credential. The Python SDK of seed 001 sends
     * {@code Bearer None} (or an empty value) when it has no key and names its user in
     * {@code X-Username}; those carry nothing.
     */
    static boolean carriesCredential(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.strip();
        return !(value.isEmpty() || value.equalsIgnoreCase("Bearer") || value.equalsIgnoreCase("Bearer None"));
    }
}
