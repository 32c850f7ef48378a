package io.grapholap.server.config;

import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.CredentialChanges;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the credential changes the other server nodes publish and drops the cached entries at once,
 * on one platform thread of its own ({@code credential-notifications}) that blocks on the
 * notification connection. When that connection is lost it reconnects after a second and drops the
 * whole cache, since changes may have been missed meanwhile. With no notifications (embedded H2)
 * no thread is started. Stopped when the server stops.
 */
@Singleton
final class CredentialNotifications implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialNotifications.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final long RECONNECT_MILLIS = 1000;

    private final CredentialChanges changes;
    private final CredentialCache cache;
    private volatile boolean stopping;
    private volatile Thread thread;

    CredentialNotifications(CredentialChanges changes, CredentialCache cache) {
        this.changes = changes;
        this.cache = cache;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Optional<CredentialChanges.Subscription> first = changes.subscribe();
        if (first.isEmpty()) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("credential-notifications").start(() -> listen(first.get()));
    }

    private void listen(CredentialChanges.Subscription initial) {
        CredentialChanges.Subscription subscription = initial;
        while (!stopping) {
            try (CredentialChanges.Subscription open = subscription) {
                while (!stopping) {
                    open.next(WAIT).forEach(cache::apply);
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warn("Credential notifications lost ({}); reconnecting, and the credential cache is cleared", e.getMessage());
            }
            subscription = reconnect();
            if (subscription == null) {
                return;
            }
            cache.clear();
        }
    }

    /** A new subscription, retried every second until it opens or the server stops (then null). */
    private CredentialChanges.Subscription reconnect() {
        while (!stopping) {
            try {
                TimeUnit.MILLISECONDS.sleep(RECONNECT_MILLIS);
                return changes.subscribe().orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (RuntimeException e) {
                LOG.warn("Credential notifications: {}", e.getMessage());
            }
        }
        return null;
    }

    @Singleton
    static final class Stop implements ApplicationEventListener<ShutdownEvent> {
        private final CredentialNotifications notifications;

        Stop(CredentialNotifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            notifications.stopping = true;
            Thread t = notifications.thread;
            if (t != null) {
                t.interrupt();
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
