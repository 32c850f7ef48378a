package io.grapholap.application.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: tells the other server nodes on the metadata database that credentials changed (a key
 * revoked, an account changed), so that their {@link CredentialCache}s drop the entries at once
 * instead of when they expire. A change is a short text that {@link CredentialCache#apply} reads.
 */
public interface CredentialChanges {

    /** A node alone on its database: nobody to tell, nothing to hear. */
    CredentialChanges NONE = new CredentialChanges() {
        @Override
        public void publish(String change) {
        }

        @Override
        public Optional<Subscription> subscribe() {
            return Optional.empty();
        }
    };

    /** Sends {@code change} to every node listening (this one included); call it after the change is committed. */
    void publish(String change);

    /**
     * Starts hearing the changes every node publishes, on a connection of its own; empty when the
     * database carries no notifications (embedded H2: a node alone).
     */
    Optional<Subscription> subscribe();

    /** An open subscription; closing it ends it. */
    interface Subscription extends AutoCloseable {

        /**
         * The changes that arrived, waiting up to {@code wait} for the first; empty when none came.
         * Throws when the connection is lost: changes may have been missed, and a new subscription is needed.
         */
        List<String> next(Duration wait);

        @Override
        void close();
    }
}
