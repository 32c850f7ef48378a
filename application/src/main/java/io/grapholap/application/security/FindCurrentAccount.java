package io.grapholap.application.security;

import java.util.Optional;

/**
 * The account a verified credential names, as it stands now. A credential (an access token, an API
 * key, a password) only says who the caller is; what the caller may do comes from here on every
 * request, so a change to an account's roles, organisations or enabled flag acts on credentials
 * issued before it. Answers come from the {@link CredentialCache} when it has them and from the
 * repository otherwise; this runs on every authenticated request.
 */
public final class FindCurrentAccount {

    private final UserRepository users;
    private final CredentialCache cache;

    public FindCurrentAccount(UserRepository users, CredentialCache cache) {
        this.users = users;
        this.cache = cache;
    }

    /**
     * The cached answer without touching the repository: empty when there is none; otherwise the
     * account, itself empty when there is no account of that name.
     */
    public Optional<Optional<CurrentAccount>> cached(String username) {
        return cache.account(username);
    }

    /** The account, or empty when there is none of that name. */
    public Optional<CurrentAccount> find(String username) {
        Optional<Optional<CurrentAccount>> cached = cache.account(username);
        if (cached.isPresent()) {
            return cached.get();
        }
        long stamp = cache.stamp();
        Optional<CurrentAccount> account = users.find(username).map(StoredUser::user).map(CurrentAccount::of);
        cache.rememberAccount(username, account, stamp);
        return account;
    }
}
