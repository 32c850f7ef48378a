package io.grapholap.rest.security;

import io.grapholap.application.security.ApiKeySecrets;
import io.grapholap.application.security.AuthenticateApiKey;
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

/**
 * {@code Authorization: Bearer gok_…}: an API key. Answers from the credential cache without
 * leaving the event loop; a cache miss, and a refused key (to say why: unknown, revoked, owner
 * disabled), go to the database on the blocking executor. Tokens without the key prefix are left
 * to the JWT fetcher.
 */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final int ORDER = -200;
    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKey authenticate;
    private final ExecutorService blocking;

    ApiKeyAuthenticationFetcher(AuthenticateApiKey authenticate, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Publishers.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return Publishers.empty();
        }
        var cached = authenticate.cached(key);
        if (cached.isPresent() && cached.get().isPresent()) {
            return Publishers.just(Authentications.of(cached.get().get()));
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> {
            var actor = (cached.isPresent() ? cached.get() : authenticate.authenticate(key)).map(Authentications::of);
            if (actor.isEmpty()) {
                Authentications.refuse(request, authenticate.refusal(key));
            }
            return actor.orElse(null);
        }, blocking));
    }
}
