package io.grapholap.rest.security;

import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.RefreshAccountStatus;
import io.grapholap.rest.error.ErrorEnvelope;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses (401) calls from an account that has been disabled, whatever credential they carry: a
 * JWT issued before the account was disabled is still well signed until it expires. The check is
 * an in-memory lookup; the set of disabled accounts is refreshed every 10 seconds (changes made on
 * this server apply at once).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class DisabledAccountFilter implements Ordered {

    private final CredentialCache cache;

    DisabledAccountFilter(CredentialCache cache) {
        this.cache = cache;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorEnvelope> refuseDisabled(HttpRequest<?> request) {
        var principal = request.getUserPrincipal(Authentication.class);
        if (principal.isEmpty() || !cache.isDisabled(principal.get().getName())) {
            return null;
        }
        return HttpResponse.<ErrorEnvelope>status(HttpStatus.UNAUTHORIZED)
                .body(ErrorEnvelope.of("UNAUTHORIZED", "the account " + principal.get().getName() + " is disabled", Map.of()));
    }

    /** Keeps the disabled-account set current, from start-up on. */
    @Singleton
    static final class Refresher implements ApplicationEventListener<StartupEvent> {

        private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

        private final RefreshAccountStatus refresh;

        Refresher(RefreshAccountStatus refresh) {
            this.refresh = refresh;
        }

        @Override
        public void onApplicationEvent(StartupEvent event) {
            refresh.refresh();
        }

        @Scheduled(fixedDelay = "10s", initialDelay = "10s")
        void periodically() {
            try {
                refresh.refresh();
            } catch (RuntimeException e) {
                LOG.warn("could not refresh the disabled accounts: {}", e.getMessage());
            }
        }
    }
}
