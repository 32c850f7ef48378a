package io.grapholap.rest.health;

import io.grapholap.application.health.CheckReadiness;
import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness and readiness, open to anonymous callers (load balancers, orchestrators). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "health")
final class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final String VERSION = versionOf();
    private static final String METADATA_DATABASE = "metadata_database";

    private final AtomicBoolean firstReadyLogged = new AtomicBoolean();

    private final CheckReadiness readiness;
    private final Liveness liveness;

    HealthController(CheckReadiness readiness, Liveness liveness) {
        this.readiness = readiness;
        this.liveness = liveness;
    }

    /** Served by the request-handler executor like the API, so a server that cannot serve the API fails it too. */
    @Get("/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Liveness: request handlers and event loops run; 503 when they have been stuck; includes the server version")
    HttpResponse<Map<String, Object>> health() {
        if (liveness.healthy()) {
            return HttpResponse.ok(Map.of("status", "healthy", "version", VERSION));
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unhealthy", "version", VERSION,
                "stuck_seconds", liveness.stuckFor().toSeconds()));
    }

    @Get("/ready")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Readiness: metadata database (also as database: up or down), source database and engines; 503 when a critical one is down")
    HttpResponse<Map<String, Object>> ready() {
        CheckReadiness.Readiness result = readiness.check();
        if (result.ready() && firstReadyLogged.compareAndSet(false, true)) {
            long sinceJvmStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first successful /ready {} ms after the JVM started", sinceJvmStart);
        }
        Map<String, Object> components = new LinkedHashMap<>();
        result.components().forEach((name, probe) ->
                components.put(name, Map.of("status", probe.up() ? "up" : "down", "detail", probe.detail())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.ready() ? "ready" : "not_ready");
        body.put("version", VERSION);
        // Seed 001's SDK reads the metadata database's state as "database".
        ReadinessProbe.ProbeResult metadata = result.components().get(METADATA_DATABASE);
        body.put("database", metadata == null ? "unknown" : metadata.up() ? "up" : "down");
        body.put("components", components);
        return HttpResponse.status(result.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static String versionOf() {
        String v = HealthController.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
