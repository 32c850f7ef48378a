package io.grapholap.rest.security;

import io.grapholap.application.security.CurrentAccount;
import io.grapholap.application.security.FindCurrentAccount;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code Authorization: Bearer <access token>}. Micronaut Security checks the token as it always
 * does: its signature, and its claims ({@link AccessTokenClaims}). A valid token then only names its
 * caller: what the caller may do is the named account as it stands now ({@link FindCurrentAccount}),
 * not the roles and organisations written into the token, so changes to an account act on tokens
 * issued before them. A token naming an account that does not exist or is disabled authenticates
 * nobody, and the 401 says which. The account comes from the credential cache without leaving the
 * event loop; only a cache miss reads the database, on the blocking executor.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
final class AccessTokenAuthenticationFetcher extends TokenAuthenticationFetcher {

    private final FindCurrentAccount accounts;
    private final ExecutorService blocking;

    AccessTokenAuthenticationFetcher(List<TokenValidator<HttpRequest<?>>> tokenValidators,
                                     TokenResolver<HttpRequest<?>> tokenResolver,
                                     ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                                     HttpHostResolver httpHostResolver,
                                     HttpLocaleResolver httpLocaleResolver,
                                     FindCurrentAccount accounts,
                                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return Mono.from(super.fetchAuthentication(request)).flatMap(verified -> current(request, verified.getName()));
    }

    private Mono<Authentication> current(HttpRequest<?> request, String username) {
        Optional<Optional<CurrentAccount>> cached = accounts.cached(username);
        if (cached.isPresent()) {
            return Mono.justOrEmpty(authentication(request, username, cached.get()));
        }
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> accounts.find(username), blocking))
                .flatMap(account -> Mono.justOrEmpty(authentication(request, username, account)));
    }

    private static Optional<Authentication> authentication(HttpRequest<?> request, String username, Optional<CurrentAccount> account) {
        if (account.isEmpty()) {
            Authentications.refuse(request, "the account " + username + " named by the access token does not exist");
            return Optional.empty();
        }
        if (!account.get().enabled()) {
            Authentications.refuse(request, "the account " + username + " is disabled");
            return Optional.empty();
        }
        return Optional.of(Authentications.of(account.get().actor()));
    }
}
