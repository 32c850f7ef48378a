package io.grapholap.rest.input;

import io.grapholap.rest.error.ErrorEnvelope;
import io.grapholap.rest.security.CredentialProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The edge checks every routed request passes after authentication and before its controller: a
 * body needs a {@code Content-Type} (415 otherwise, rather than a guess), and query parameters (names
 * and values), path variables, the path itself and the fields of a form-encoded body must be
 * {@link StorableText} (400 naming the parameter otherwise; JSON bodies are checked as they are
 * parsed, by {@link StorableJsonFactory}). Running after the security filter keeps the order a
 * client can rely on: 401 first, then 415, then 400.
 * <p>
 * A request whose {@code Content-Type} no route of its path accepts is answered 415 by the router
 * before any filter can authenticate it; such an answer to a caller without credentials becomes the
 * 401 it would have got with a supported type.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class InputGuardFilter implements Ordered {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private final FilterBodyParser forms;

    InputGuardFilter(FilterBodyParser forms) {
        this.forms = forms;
    }

    @RequestFilter
    CompletableFuture<@Nullable HttpResponse<ErrorEnvelope>> guard(HttpRequest<?> request) {
        RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
        if (!(route instanceof UriRouteMatch<?, ?> match)) {
            return CompletableFuture.completedFuture(null);
        }
        boolean body = WITH_BODY.contains(request.getMethod()) && hasBody(request);
        if (body && request.getContentType().isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.<ErrorEnvelope>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(ErrorEnvelope.of("UNSUPPORTED_MEDIA_TYPE", "the request has a body but no Content-Type; this route takes "
                            + accepted(match), Map.of("field", "Content-Type"))));
        }
        for (Map.Entry<String, Object> variable : match.getVariableValues().entrySet()) {
            StorableText.require(variable.getKey(), String.valueOf(variable.getValue()));
        }
        try {
            StorableText.require("path", URLDecoder.decode(request.getPath().replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notPercentEncoded) {
            // The router matched it as it stands; the variables above are what the route reads.
        }
        for (String name : request.getParameters().names()) {
            StorableText.require(name, name);
            for (String value : request.getParameters().getAll(name)) {
                StorableText.require(name, value);
            }
        }
        if (body && request.getContentType().filter(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).isPresent()
                && match.getRouteInfo().getBodyArgument().filter(a -> a.getType() != byte[].class).isPresent()) {
            return forms.parseBody(request).thenApply(fields -> {
                fields.forEach(InputGuardFilter::requireStorable);
                return null;
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    private static void requireStorable(String field, Object value) {
        StorableText.require(field, field);
        if (value instanceof Iterable<?> values) {
            values.forEach(v -> StorableText.require(field, String.valueOf(v)));
        } else {
            StorableText.require(field, String.valueOf(value));
        }
    }

    @ResponseFilter
    void authenticationFirst(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode() && RouteAttributes.getRouteMatch(request).isEmpty()
                && request.getUserPrincipal().isEmpty()) {
            response.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"grapholap\"")
                    .body(ErrorEnvelope.of("UNAUTHORIZED", CredentialProblems.describe(request, Instant.now()), Map.of()));
        }
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static String accepted(UriRouteMatch<?, ?> match) {
        var types = match.getRouteInfo().getConsumes();
        return types.isEmpty() || types.contains(MediaType.ALL_TYPE) ? MediaType.APPLICATION_JSON : types.toString();
    }
}
