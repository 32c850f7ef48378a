package io.grapholap.domain.endpoint;

import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The path template of a custom endpoint, relative to {@code /proxy/}: segments
 * separated by '/', each a literal ({@code tables}) or a parameter ({@code {table_name}}). At most
 * {@link #MAX_SEGMENTS} segments and {@link #MAX_LENGTH} characters; parameter names are unique.
 * Leading and trailing slashes are dropped, so {@code /a/b/} and {@code a/b} are one template.
 *
 * <p>Two templates that differ only in parameter names have the same {@link #shape()}: they would
 * match the same paths, so they count as the same route. Among templates that match one path, the
 * more specific wins: compared segment by segment from the left, a literal beats a parameter.
 */
public record RouteTemplate(String route, List<Segment> segments) {

    public static final int MAX_SEGMENTS = 32;
    public static final int MAX_LENGTH = 512;

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]{0,63})}");

    /** A literal segment ({@code parameter} false, {@code text} the literal) or a parameter ({@code text} its name). */
    public record Segment(String text, boolean parameter) {
    }

    public RouteTemplate {
        segments = List.copyOf(segments);
    }

    public static RouteTemplate parse(String route) {
        if (route == null || route.isBlank()) {
            throw new ValidationException("route", "route is required, for example tables/{table_name}/count");
        }
        if (route.length() > MAX_LENGTH) {
            throw new ValidationException("route", "route must be at most " + MAX_LENGTH + " characters, got " + route.length());
        }
        String trimmed = route.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new ValidationException("route", "route needs at least one segment");
        }
        String[] parts = trimmed.split("/", -1);
        if (parts.length > MAX_SEGMENTS) {
            throw new ValidationException("route", "route may have at most " + MAX_SEGMENTS + " segments, got " + parts.length);
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : parts) {
            var parameter = PARAMETER.matcher(part);
            if (parameter.matches()) {
                if (!names.add(parameter.group(1))) {
                    throw new ValidationException("route", "route parameter {" + parameter.group(1) + "} appears twice");
                }
                segments.add(new Segment(parameter.group(1), true));
            } else if (LITERAL.matcher(part).matches()) {
                segments.add(new Segment(part, false));
            } else {
                throw new ValidationException("route", "route segment '" + part + "' is neither a literal (letters, digits, '.', '_', '~', '-')"
                        + " nor a parameter such as {name}");
            }
        }
        return new RouteTemplate(String.join("/", parts), segments);
    }

    /** The template with parameter names erased ({@code tables/{}/count}): equal shapes match equal paths. */
    public String shape() {
        return String.join("/", segments.stream().map(s -> s.parameter() ? "{}" : s.text()).toList());
    }

    /** The path parameters when {@code path} (decoded segments) matches this template. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.parameter()) {
                if (path.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(s.text(), path.get(i));
            } else if (!s.text().equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** Positive when this template is more specific than {@code other} (same length): the first differing segment is a literal here. */
    public int compareSpecificity(RouteTemplate other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            boolean mine = segments.get(i).parameter();
            boolean theirs = other.segments.get(i).parameter();
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return 0;
    }
}
