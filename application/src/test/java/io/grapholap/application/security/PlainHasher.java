package io.grapholap.application.security;

/** A reversible stand-in for bcrypt: tests only need hash/verify to agree. */
public final class PlainHasher implements PasswordHasher {

    @Override
    public String hash(String password) {
        return "hashed:" + password;
    }

    @Override
    public boolean verify(String password, String hash) {
        return hash.equals("hashed:" + password);
    }
}
