import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The smoke test of one server variant (.ci/variants runs it against a server it started):
 * {@code java -cp "<variant>/grapholap-server.jar:<variant>/lib/*" .ci/VariantSmoke.java <base-url> <no-gpu|no-cpu> <password>}.
 * Logs in, reads /ready, uploads a three-vertex graph through the API and starts an instance on it
 * with the default engine. no-gpu: the server has no GPU engine (neither in /ready nor among the
 * engines), the instance runs on the CPU and answers wcc. no-cpu: /ready reports the GPU engine; on
 * a machine without a GPU it is down with its reason and the instance start is 503
 * ENGINE_UNAVAILABLE with that reason; with a GPU the instance runs and answers wcc. Exits 1 with
 * the failed expectation otherwise.
 */
public class VariantSmoke {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String token;

    record Answer(int status, JsonNode json) {
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        String variant = args[1];
        Answer login = send("POST", "/api/auth/login", Map.of("username", "admin", "password", args[2]));
        expect(login.status() == 200, "login answers 200", login);
        token = login.json().get("access_token").asText();

        Answer ready = send("GET", "/ready", null);
        expect(ready.status() == 200 && ready.json().path("status").asText().equals("ready"), "/ready says ready", ready);
        JsonNode gpu = ready.json().path("components").path("engine-gpu");
        System.out.println("[variants] " + variant + " /ready: " + ready.json());

        Answer upload = send("POST", "/graph/smoke", Map.of(
                "vertices", Map.of("V", Map.of("a", Map.of(), "b", Map.of(), "c", Map.of(), "d", Map.of())),
                "edges", Map.of("V", Map.of("a", Map.of("E", Map.of("V", Map.of("b", Map.of()))),
                        "c", Map.of("E", Map.of("V", Map.of("d", Map.of())))))));
        expect(upload.status() == 200, "the upload of a small graph answers 200", upload);

        Answer created = send("POST", "/api/instances", Map.of("dataset_id", "smoke", "name", "smoke"));
        boolean gpuUsable = gpu.path("status").asText().equals("up");
        switch (variant) {
            case "no-gpu" -> {
                expect(gpu.isMissingNode(), "/ready lists no GPU engine", ready);
                expect(created.status() == 202 && created.json().path("data").path("engine").asText().equals("cpu"),
                        "the instance starts on the CPU engine", created);
                runWcc(created.json().path("data").path("id").asLong());
            }
            case "no-cpu" -> {
                expect(!gpu.isMissingNode(), "/ready reports the GPU engine", ready);
                if (gpuUsable) {
                    expect(created.status() == 202 && created.json().path("data").path("engine").asText().equals("gpu"),
                            "the instance starts on the GPU engine", created);
                    runWcc(created.json().path("data").path("id").asLong());
                } else {
                    String reason = gpu.path("detail").asText();
                    expect(!reason.isBlank(), "/ready says why the GPU engine is down", ready);
                    expect(created.status() == 503 && created.json().path("error").path("code").asText().equals("ENGINE_UNAVAILABLE")
                                    && created.json().path("error").path("message").asText().contains(reason),
                            "the instance start is 503 ENGINE_UNAVAILABLE with the GPU's reason", created);
                    Answer cpu = send("POST", "/api/instances", Map.of("dataset_id", "smoke", "name", "on cpu", "engine", "cpu"));
                    expect(cpu.status() == 400 && cpu.json().path("error").path("details").path("field").asText().equals("engine"),
                            "asking for the CPU engine is 400 on engine", cpu);
                }
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        System.out.println("[variants] " + variant + ": smoke test passed");
    }

    private static void runWcc(long instance) throws Exception {
        Answer state = null;
        for (int i = 0; i < 600; i++) {
            state = send("GET", "/api/instances/" + instance, null);
            if (!state.json().path("data").path("status").asText().equals("starting")) {
                break;
            }
            Thread.sleep(100);
        }
        expect(state.json().path("data").path("status").asText().equals("running"), "the instance is running", state);
        Answer wcc = send("POST", "/api/instances/" + instance + "/algo/wcc", Map.of("mode", "stream"));
        expect(wcc.status() == 200 && wcc.json().path("data").path("result").path("total_rows").asLong() == 4,
                "wcc answers one row per vertex", wcc);
        System.out.println("[variants] wcc on " + state.json().path("data").path("engine").asText() + ": "
                + wcc.json().path("data").path("result").path("rows"));
    }

    private static Answer send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static void expect(boolean holds, String what, Answer answer) {
        if (!holds) {
            System.err.println("[variants] FAILED: " + what + "; got " + answer.status() + " " + answer.json());
            System.exit(1);
        }
    }
}
