package io.grapholap.application.security;

/** One-way password hashing with a slow, salted algorithm (bcrypt in production). */
public interface PasswordHasher {

    String hash(String password);

    /** True when {@code password} hashes to {@code hash}; false for any other input, never throws. */
    boolean verify(String password, String hash);
}
