package io.grapholap.application.user;

import io.grapholap.domain.error.ValidationException;
import java.nio.charset.StandardCharsets;

/** The password rule: 8 to 72 bytes (bcrypt ignores anything past 72 bytes, so longer is refused). */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    public static String check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException(field, field + " is required");
        }
        if (password.length() < MIN_LENGTH) {
            throw new ValidationException(field, field + " must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ValidationException(field, field + " must be at most " + MAX_BYTES + " bytes long");
        }
        return password;
    }
}
