package io.grapholap.application.security;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.ApiKey;
import java.time.Clock;
import java.util.UUID;

/** A user creates an API key for themselves; the key is in the answer and nowhere else. */
public final class CreateApiKey {

    public record Command(String name) {
        public Command {
            if (name == null || name.isBlank()) {
                throw new ValidationException("name", "name is required");
            }
            name = name.strip();
            if (name.length() > 100) {
                throw new ValidationException("name", "name must be at most 100 characters long");
            }
        }
    }

    /** The stored record and the key itself, to be shown once. */
    public record Created(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final Clock clock;

    public CreateApiKey(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Created create(Actor actor, Command command) {
        String secret = ApiKeySecrets.newKey();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), actor.username(), command.name(),
                secret.substring(0, ApiKeySecrets.SHOWN_CHARS), clock.instant(), null);
        keys.create(key, ApiKeySecrets.hash(secret));
        return new Created(key, secret);
    }
}
