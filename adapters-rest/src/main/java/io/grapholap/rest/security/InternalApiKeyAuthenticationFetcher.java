package io.grapholap.rest.security;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * {@code X-Internal-Api-Key}: internal services that share the configured secret act as the
 * principal {@code internal} with the admin role. Without a configured secret the header
 * authenticates nobody. The comparison takes the same time wherever the first difference is.
 */
@Singleton
final class InternalApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-Internal-Api-Key";
    static final String PRINCIPAL = "internal";
    static final int ORDER = -300;

    private final byte[] secret;
    private final Authentication internal = Authentications.of(
            new Actor(PRINCIPAL, EnumSet.allOf(Role.class), Set.of()));

    InternalApiKeyAuthenticationFetcher(@Value("${grapholap.security.internal-api-key:}") String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String presented = request.getHeaders().get(HEADER);
        if (presented == null || secret == null) {
            return Publishers.empty();
        }
        boolean matches = MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
        return matches ? Publishers.just(internal) : Publishers.empty();
    }
}
