package io.grapholap.rest.security;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import java.util.List;
import java.util.Map;

/**
 * The one translation from an {@link Actor} to a Micronaut {@link Authentication}: role wire names
 * (each role with those it includes, so {@code @Secured("ops")} admits admins) and the
 * {@code organizations} attribute that {@link ActorBinder} reads back, also from JWT claims.
 */
final class Authentications {

    private Authentications() {
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
