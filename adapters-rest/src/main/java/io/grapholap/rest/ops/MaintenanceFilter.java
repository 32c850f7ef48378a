package io.grapholap.rest.ops;

import io.grapholap.application.config.MaintenanceMode;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.rest.error.ErrorEnvelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * While maintenance mode is on, answers 503 {@code MAINTENANCE_MODE} (with the operator's
 * message) to every request that creates a resource or starts new work, as listed in
 * {@link #CREATES}. Everything else goes on: reads, updates, deletes, login, API keys,
 * favorites, {@code /api/config/*}, {@code /api/ops/*} and the admin routes, so operators can
 * work and clean up during the window. Runs after authentication, so an unauthenticated call
 * still gets its 401.
 */
@ServerFilter(patterns = {"/api/**", "/graph/**", "/evaluator/**"})
final class MaintenanceFilter implements Ordered {

    /** A request that creates: its method and a pattern for its whole path. */
    record Create(HttpMethod method, Pattern path, String what) {
        Create(HttpMethod method, String regex, String what) {
            this(method, Pattern.compile(regex), what);
        }
    }

    static final List<Create> CREATES = List.of(
            new Create(HttpMethod.POST, "/api/mappings/?", "create a mapping"),
            new Create(HttpMethod.POST, "/api/mappings/[^/]+/copy/?", "copy a mapping"),
            new Create(HttpMethod.POST, "/api/snapshots/?", "create a snapshot"),
            new Create(HttpMethod.POST, "/api/snapshots/[^/]+/retry/?", "retry a snapshot export"),
            new Create(HttpMethod.POST, "/api/instances/?", "create an instance"),
            new Create(HttpMethod.POST, "/graph/[^/]+/?", "upload to a dataset"),
            new Create(HttpMethod.POST, "/api/v2/o/[^/]+/functions/[^/]+(/[^/]+)?/?", "create a function"),
            new Create(HttpMethod.POST, "/evaluator/v1/libraries(/[^/]+)?/?", "create a library"),
            new Create(HttpMethod.PUT, "/evaluator/v1/libraries(/[^/]+)?/?", "create or replace a library"),
            new Create(HttpMethod.POST, "/api/endpoints/?", "create an endpoint"));

    private final PlatformConfig config;

    MaintenanceFilter(PlatformConfig config) {
        this.config = config;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** What the request would create, or null when it creates nothing. */
    static @Nullable String creates(HttpMethod method, String path) {
        for (Create c : CREATES) {
            if (c.method() == method && c.path().matcher(path).matches()) {
                return c.what();
            }
        }
        return null;
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorEnvelope> refuseDuringMaintenance(HttpRequest<?> request) {
        String what = creates(request.getMethod(), request.getPath());
        if (what == null) {
            return null;
        }
        MaintenanceMode mode = config.maintenance();
        if (!mode.enabled()) {
            return null;
        }
        String message = mode.message().isEmpty()
                ? "the platform is in maintenance mode; new resources cannot be created now"
                : mode.message();
        return HttpResponse.<ErrorEnvelope>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ErrorEnvelope.of("MAINTENANCE_MODE", message, Map.of("refused", what,
                        "since", mode.changedAt() == null ? "" : mode.changedAt().toString())));
    }
}
