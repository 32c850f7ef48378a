package io.grapholap.rest.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.grapholap.application.security.PasswordHasher;
import jakarta.inject.Singleton;

/** bcrypt with cost 10 (about 50-100 ms per hash on our machines): slow for guessing, quick enough for logins. */
@Singleton
final class BcryptPasswordHasher implements PasswordHasher {

    private static final int COST = 10;

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } catch (RuntimeException unusable) {
            // A password over bcrypt's 72-byte limit or a corrupt hash: not a match.
            return false;
        }
    }
}
