package io.grapholap.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain JDK HTTP client for tests: what a notebook or a service would send, nothing framework-made. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** A request builder; headers are added with {@link Request#header}. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Response get(String path, String token) {
        return request("GET", path).bearer(token).send();
    }

    public Response delete(String path, String token) {
        return request("DELETE", path).bearer(token).send();
    }

    public Response post(String path, Object body, String token) {
        return request("POST", path).bearer(token).json(body).send();
    }

    public Response put(String path, Object body, String token) {
        return request("PUT", path).bearer(token).json(body).send();
    }

    /** Logs in and returns the access token; fails the test when login fails. */
    public String login(String username, String password) {
        Response r = request("POST", "/api/auth/login").json(Map.of("username", username, "password", password)).send();
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return r.json().get("access_token").asText();
    }

    public String adminToken() {
        return login("admin", RunningServer.ADMIN_PASSWORD);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        /** A body: a String is sent as is (malformed JSON tests), anything else as JSON. */
        public Request json(Object value) {
            try {
                body = value instanceof String s ? s : JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        /** A body sent as it is, with no {@code Content-Type} unless a header sets one. */
        public Request raw(String value) {
            body = value;
            return this;
        }

        public Response send() {
            var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + body, e);
            }
        }

        public JsonNode data() {
            return json().get("data");
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public String errorMessage() {
            return json().path("error").path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
