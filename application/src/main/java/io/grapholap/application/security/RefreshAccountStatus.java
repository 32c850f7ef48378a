package io.grapholap.application.security;

import io.grapholap.application.user.UserRepository;

/** Reloads the disabled accounts into the credential cache; run periodically and at start-up. */
public final class RefreshAccountStatus {

    private final UserRepository users;
    private final CredentialCache cache;

    public RefreshAccountStatus(UserRepository users, CredentialCache cache) {
        this.users = users;
        this.cache = cache;
    }

    public void refresh() {
        cache.disabledAccounts(users.disabledUsernames());
    }
}
