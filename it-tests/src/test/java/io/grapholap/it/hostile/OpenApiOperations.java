package io.grapholap.it.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of an OpenAPI 3 document as the fuzz test needs them: method, path template, path
 * and query parameters with their schemas, and the request body's media types and schema with every
 * {@code $ref} and {@code allOf} resolved. Parameters and properties typed as the server's own
 * {@code Actor} (bound from the credentials, not from the request) are left out.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String ACTOR = "#/components/schemas/Actor";

    record Parameter(String name, Map<String, Object> schema, boolean required) {
    }

    record Operation(String method, String path, List<String> pathVariables, List<Parameter> query,
                     List<String> bodyTypes, Map<String, Object> bodySchema) {

        boolean hasBody() {
            return !bodyTypes.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> components;
    private final List<Operation> operations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    OpenApiOperations(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        components = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("components", Map.of()))
                .getOrDefault("schemas", Map.of());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                operations.add(operation(method.toUpperCase(java.util.Locale.ROOT), path, (Map<String, Object>) op));
            }
        }));
    }

    List<Operation> operations() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Operation operation(String method, String path, Map<String, Object> op) {
        List<String> pathVariables = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            pathVariables.add(m.group(1));
        }
        List<Parameter> query = new ArrayList<>();
        for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
            Map<String, Object> param = (Map<String, Object>) p;
            Map<String, Object> schema = (Map<String, Object>) param.getOrDefault("schema", Map.of());
            if ("query".equals(param.get("in")) && !ACTOR.equals(schema.get("$ref"))) {
                query.add(new Parameter((String) param.get("name"), resolve(schema), Boolean.TRUE.equals(param.get("required"))));
            }
        }
        List<String> bodyTypes = new ArrayList<>();
        Map<String, Object> bodySchema = Map.of();
        Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
        if (body != null) {
            Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
            bodyTypes.addAll(content.keySet());
            for (Object media : content.values()) {
                Object schema = ((Map<String, Object>) media).get("schema");
                if (schema != null) {
                    bodySchema = resolve((Map<String, Object>) schema);
                    break;
                }
            }
        }
        return new Operation(method, path, pathVariables, query, bodyTypes, bodySchema);
    }

    /** The schema with references replaced, {@code allOf} parts merged and {@code actor} properties dropped. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String r) {
            return resolve((Map<String, Object>) components.getOrDefault(r.substring(r.lastIndexOf('/') + 1), Map.of()));
        }
        Map<String, Object> out = new LinkedHashMap<>(schema);
        if (schema.get("allOf") instanceof List<?> parts) {
            out.remove("allOf");
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Object part : parts) {
                Map<String, Object> resolved = resolve((Map<String, Object>) part);
                resolved.forEach((k, v) -> {
                    if (k.equals("properties")) {
                        properties.putAll((Map<String, Object>) v);
                    } else {
                        out.putIfAbsent(k, v);
                    }
                });
            }
            out.put("properties", properties);
        }
        if (out.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> kept = new LinkedHashMap<>();
            ((Map<String, Object>) props).forEach((name, s) -> {
                if (!name.equals("actor")) {
                    kept.put(name, s);
                }
            });
            out.put("properties", kept);
        }
        return out;
    }
}
