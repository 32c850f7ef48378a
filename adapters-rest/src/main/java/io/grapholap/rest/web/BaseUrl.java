package io.grapholap.rest.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * The scheme and authority a client used to reach this server ({@code http://host:8080}), for the
 * absolute URLs answers carry (an instance's {@code instance_url}, a UDF page's {@code next}). A
 * {@code Host} header that is not a plain host and port is ignored for the address the server
 * listens on.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static String of(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        return (request.isSecure() ? "https://" : "http://") + host;
    }
}
