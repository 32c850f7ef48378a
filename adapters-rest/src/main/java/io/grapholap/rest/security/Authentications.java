package io.grapholap.rest.security;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one translation from an {@link Actor} to a Micronaut {@link Authentication}: role wire names
 * (each role with those it includes, so {@code @Secured("ops")} admits admins) and the
 * {@code organizations} attribute that {@link ActorBinder} reads back. Tokens carry the same claims
 * for clients to read; the server itself takes them from the account ({@link AccessTokenAuthenticationFetcher}).
 */
final class Authentications {

    /** Request attribute: why a credential that came with the call authenticated nobody. */
    private static final String REFUSAL = "grapholap.security.refusal";

    private Authentications() {
    }

    /** Records why the request's credential was refused, for the 401 to say. */
    static void refuse(HttpRequest<?> request, String why) {
        request.setAttribute(REFUSAL, why);
    }

    static Optional<String> refusal(HttpRequest<?> request) {
        return request.getAttribute(REFUSAL, String.class);
    }

    static Authentication of(Actor actor) {
        return Authentication.build(actor.username(), roles(actor), attributes(actor));
    }

    static AuthenticationResponse success(Actor actor) {
        return AuthenticationResponse.success(actor.username(), roles(actor), attributes(actor));
    }

    private static List<String> roles(Actor actor) {
        return actor.roles().stream().sorted().map(Role::wireName).toList();
    }

    private static Map<String, Object> attributes(Actor actor) {
        return Map.of(ActorBinder.ORGANIZATIONS, actor.organizations().stream().sorted().toList());
    }
}
