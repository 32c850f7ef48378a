package io.grapholap.application.security;

import io.grapholap.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as authentication sees it now: the actor it acts as (its current roles, with those
 * they include, and organisations) and whether it may act at all.
 */
public record CurrentAccount(Actor actor, boolean enabled) {

    public CurrentAccount {
        Objects.requireNonNull(actor, "actor");
    }

    public static CurrentAccount of(User user) {
        return new CurrentAccount(AuthenticateWithPassword.actorOf(user), user.enabled());
    }

    /** The actor while the account is enabled; nobody once it is disabled. */
    public Optional<Actor> activeActor() {
        return enabled ? Optional.of(actor) : Optional.empty();
    }
}
