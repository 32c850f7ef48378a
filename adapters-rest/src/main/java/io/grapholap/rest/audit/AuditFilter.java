package io.grapholap.rest.audit;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.domain.audit.AuditEntry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriMatchVariable;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Records every mutating call (POST, PUT, PATCH, DELETE) on the API families in the audit log,
 * failed and refused ones included: the caller, the action ({@code METHOD route-template}), the
 * target (the resource named by the last path variable, or the collection), the time and the
 * status. It runs outside the security filter so refusals (401, 403) are seen too. Bodies and
 * headers are never recorded.
 */
@ServerFilter(patterns = {"/api/**", "/graph/**", "/evaluator/**", "/proxy/**"})
public final class AuditFilter implements Ordered {

    private static final String ATTEMPTED_BY = AuditFilter.class.getName() + ".attemptedBy";
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final AuditLog log;

    AuditFilter(AuditLog log) {
        this.log = log;
    }

    /**
     * Names the account a request tried to authenticate as (a login), so a failed attempt is
     * recorded under that name instead of "anonymous".
     */
    public static void attemptedBy(HttpRequest<?> request, String username) {
        request.setAttribute(ATTEMPTED_BY, username);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @ResponseFilter
    void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!MUTATING.contains(request.getMethod())) {
            return;
        }
        String actor = request.getUserPrincipal().map(Principal::getName)
                .or(() -> request.getAttribute(ATTEMPTED_BY, String.class))
                .orElse("anonymous");
        String path = request.getPath();
        String template = path;
        String targetType = null;
        String targetId = null;
        if (RouteAttributes.getRouteMatch(request).orElse(null) instanceof UriRouteMatch<?, ?> match) {
            template = match.getRouteInfo().getUriMatchTemplate().toPathString();
            List<UriMatchVariable> variables = match.getVariables();
            if (!variables.isEmpty()) {
                UriMatchVariable last = variables.getLast();
                Object value = match.getVariableValues().get(last.getName());
                targetId = value == null ? null : String.valueOf(value);
                targetType = segmentBefore(template, "{" + last.getName());
            } else {
                targetType = lastSegment(template);
            }
        }
        String method = request.getMethodName();
        log.record(AuditEntry.of(CLOCK.instant(), actor, method + " " + template, method, path,
                targetType, targetId, response.code()));
    }

    private static String segmentBefore(String template, String variableStart) {
        int at = template.indexOf(variableStart);
        if (at <= 0) {
            return null;
        }
        return lastSegment(template.substring(0, at - 1));
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String segment = trimmed.substring(slash + 1);
        return segment.isEmpty() || segment.startsWith("{") ? null : segment;
    }
}
