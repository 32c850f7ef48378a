package io.grapholap.rest.health;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics: Prometheus text by default; with {@code Accept: application/json} (and not text
 * first), the same meters as JSON, one entry per meter with its name, type, tags and measurements.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.tags.Tag(name = "health")
final class MetricsController {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get("/metrics")
    @Produces({PROMETHEUS_TEXT, MediaType.APPLICATION_JSON})
    @Operation(summary = "Metrics in Prometheus text format, or as JSON with Accept: application/json "
            + "({\"metrics\": [{\"name\", \"type\", \"tags\", \"measurements\"}]})")
    HttpResponse<?> metrics(HttpRequest<?> request) {
        if (wantsJson(request.getHeaders().get(HttpHeaders.ACCEPT))) {
            return HttpResponse.ok(Map.of("metrics", json())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }

    /** JSON only when the client asks for it before (or instead of) text: a scraper's Accept stays text. */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        int json = lower.indexOf("application/json");
        int text = lower.indexOf("text/plain");
        return json >= 0 && (text < 0 || json < text);
    }

    private List<Map<String, Object>> json() {
        return registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> m.getId().getTags().toString()))
                .map(MetricsController::entry)
                .toList();
    }

    private static Map<String, Object> entry(Meter meter) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : meter.getId().getTags()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        for (Measurement m : meter.measure()) {
            double value = m.getValue();
            measurements.put(m.getStatistic().name().toLowerCase(Locale.ROOT), Double.isFinite(value) ? value : null);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", meter.getId().getName());
        entry.put("type", meter.getId().getType().name().toLowerCase(Locale.ROOT));
        entry.put("tags", tags);
        entry.put("measurements", measurements);
        return entry;
    }
}
