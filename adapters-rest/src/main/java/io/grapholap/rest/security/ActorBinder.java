package io.grapholap.rest.security;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets a controller method take an {@link Actor} parameter: the authenticated caller, with roles
 * from {@link Authentication#getRoles()} and organisations from the {@code organizations}
 * attribute. Routes that take an Actor must be secured, so an unauthenticated call never gets here.
 */
@Singleton
final class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    static final String ORGANIZATIONS = "organizations";

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        return source.getUserPrincipal(Authentication.class)
                .<BindingResult<Actor>>map(auth -> () -> java.util.Optional.of(toActor(auth)))
                .orElse(BindingResult.unsatisfied());
    }

    static Actor toActor(Authentication auth) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String role : auth.getRoles()) {
            roles.add(Role.parse("roles", role));
        }
        Set<String> orgs = new LinkedHashSet<>();
        if (auth.getAttributes().get(ORGANIZATIONS) instanceof Collection<?> values) {
            values.forEach(v -> orgs.add(String.valueOf(v)));
        }
        return new Actor(auth.getName(), roles, orgs);
    }
}
