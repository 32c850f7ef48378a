package io.grapholap.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

    @Test
    void hashesAreSaltedBcryptAndVerify() {
        String a = hasher.hash("correct-horse");
        String b = hasher.hash("correct-horse");
        assertThat(a).startsWith("$2a$10$").isNotEqualTo(b).doesNotContain("correct-horse");
        assertThat(hasher.verify("correct-horse", a)).isTrue();
        assertThat(hasher.verify("correct-horse", b)).isTrue();
        assertThat(hasher.verify("wrong-horse", a)).isFalse();
    }

    @Test
    void unusableInputIsANonMatchNotAnError() {
        String hash = hasher.hash("correct-horse");
        assertThat(hasher.verify("x".repeat(100), hash)).isFalse();
        assertThat(hasher.verify("correct-horse", "not-a-bcrypt-hash")).isFalse();
    }
}
