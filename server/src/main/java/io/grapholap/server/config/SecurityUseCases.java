package io.grapholap.server.config;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.audit.ReadAuditLog;
import io.grapholap.application.security.ApiKeyRepository;
import io.grapholap.application.security.AuthenticateApiKey;
import io.grapholap.application.security.AuthenticateDevUser;
import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.application.security.CreateApiKey;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.CredentialChanges;
import io.grapholap.application.security.FindCurrentAccount;
import io.grapholap.application.security.ListApiKeys;
import io.grapholap.application.security.PasswordHasher;
import io.grapholap.application.security.RevokeApiKey;
import io.grapholap.application.security.UserRepository;
import io.grapholap.application.user.BootstrapAdmin;
import io.grapholap.application.user.CreateUser;
import io.grapholap.application.user.GetCurrentUser;
import io.grapholap.application.user.ListUsers;
import io.grapholap.application.user.UpdateUser;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the security, user and audit use cases; repositories come from the persistence adapter, the
 * password hasher from the REST adapter.
 */
@Factory
final class SecurityUseCases {

    /** Microsecond ticks: what both metadata databases store, so an answer equals a later read. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    /**
     * How long an account or credential is remembered when no notification drops it: the other
     * server nodes on a PostgreSQL database hear of changes at once ({@link CredentialNotifications});
     * this bounds only changes made in the database directly.
     */
    private static final Duration CREDENTIAL_CACHE_TTL = Duration.ofSeconds(5);

    @Singleton
    CredentialCache credentialCache(CredentialChanges changes) {
        return new CredentialCache(CLOCK, CREDENTIAL_CACHE_TTL, changes);
    }

    @Singleton
    FindCurrentAccount findCurrentAccount(UserRepository users, CredentialCache cache) {
        return new FindCurrentAccount(users, cache);
    }

    @Singleton
    AuthenticateWithPassword authenticateWithPassword(UserRepository users, PasswordHasher hasher, CredentialCache cache,
                                                      FindCurrentAccount accounts) {
        return new AuthenticateWithPassword(users, hasher, cache, accounts);
    }

    @Singleton
    BootstrapAdmin bootstrapAdmin(UserRepository users, PasswordHasher hasher) {
        return new BootstrapAdmin(users, hasher, CLOCK);
    }

    @Singleton
    CreateUser createUser(UserRepository users, PasswordHasher hasher, CredentialCache cache) {
        return new CreateUser(users, hasher, cache, CLOCK);
    }

    @Singleton
    ListUsers listUsers(UserRepository users) {
        return new ListUsers(users);
    }

    @Singleton
    UpdateUser updateUser(UserRepository users, PasswordHasher hasher, CredentialCache cache) {
        return new UpdateUser(users, hasher, cache, CLOCK);
    }

    @Singleton
    GetCurrentUser getCurrentUser(UserRepository users) {
        return new GetCurrentUser(users);
    }

    @Singleton
    CreateApiKey createApiKey(ApiKeyRepository keys) {
        return new CreateApiKey(keys, CLOCK);
    }

    @Singleton
    ListApiKeys listApiKeys(ApiKeyRepository keys) {
        return new ListApiKeys(keys);
    }

    @Singleton
    RevokeApiKey revokeApiKey(ApiKeyRepository keys, CredentialCache cache) {
        return new RevokeApiKey(keys, cache, CLOCK);
    }

    @Singleton
    AuthenticateApiKey authenticateApiKey(ApiKeyRepository keys, CredentialCache cache, FindCurrentAccount accounts) {
        return new AuthenticateApiKey(keys, cache, accounts);
    }

    @Singleton
    AuthenticateDevUser authenticateDevUser(UserRepository users) {
        return new AuthenticateDevUser(users);
    }

    @Singleton
    ReadAuditLog readAuditLog(AuditLog log) {
        return new ReadAuditLog(log);
    }
}
