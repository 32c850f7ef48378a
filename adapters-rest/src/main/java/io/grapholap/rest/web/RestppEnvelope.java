package io.grapholap.rest.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST++ (TigerGraph-style) answer, {@code {version, error, message, results}}, used by the
 * {@code /graph} and {@code /query} routes. Errors add {@code code} and, when there are any,
 * {@code details}. {@code version.schema} is the dataset version the answer is about (0 when none).
 */
public final class RestppEnvelope {

    private RestppEnvelope() {
    }

    public static Map<String, Object> ok(List<?> results, long schema) {
        return envelope(false, "", results, schema);
    }

    public static Map<String, Object> error(String code, String message, Map<String, ?> details) {
        Map<String, Object> out = envelope(true, message, List.of(), 0);
        out.put("code", code);
        if (details != null && !details.isEmpty()) {
            out.put("details", details);
        }
        return out;
    }

    private static Map<String, Object> envelope(boolean error, String message, List<?> results, long schema) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("edition", "grapholap");
        version.put("api", "v2");
        version.put("schema", schema);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version);
        out.put("error", error);
        out.put("message", message);
        out.put("results", results);
        return out;
    }
}
