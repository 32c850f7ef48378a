package io.grapholap.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.security.CredentialChanges;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credential changes: heard by every subscriber on PostgreSQL, in order and at once; nothing on H2. */
class PgCredentialChangesTest {

    @Test
    void onPostgresEverySubscriberHearsAPublishedChange() {
        try (MetadataDatabases.Running db = MetadataDatabases.POSTGRES.start()) {
            CredentialChanges changes = db.bean(CredentialChanges.class);
            try (CredentialChanges.Subscription first = changes.subscribe().orElseThrow();
                 CredentialChanges.Subscription second = changes.subscribe().orElseThrow()) {
                changes.publish("key:k-1");
                changes.publish("account:bob");
                assertThat(collect(first, 2)).containsExactly("key:k-1", "account:bob");
                assertThat(collect(second, 2)).containsExactly("key:k-1", "account:bob");
                assertThat(first.next(Duration.ofMillis(50))).isEmpty();
            }
        }
    }

    @Test
    void onH2NothingIsSentOrHeard() {
        try (MetadataDatabases.Running db = MetadataDatabases.H2.start()) {
            CredentialChanges changes = db.bean(CredentialChanges.class);
            changes.publish("key:k-1");
            assertThat(changes.subscribe()).isEmpty();
        }
    }

    /** Reads until {@code count} changes came, for at most a second. */
    private static List<String> collect(CredentialChanges.Subscription subscription, int count) {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            got.addAll(subscription.next(Duration.ofMillis(100)));
        }
        return got;
    }
}
