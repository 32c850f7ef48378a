package io.grapholap.application.security;

import io.grapholap.domain.user.ApiKey;
import java.util.List;

/** A user lists their own API keys (never the keys themselves). */
public final class ListApiKeys {

    private final ApiKeyRepository keys;

    public ListApiKeys(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public List<ApiKey> list(Actor actor) {
        return keys.listByOwner(actor.username());
    }
}
