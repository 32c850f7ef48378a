package io.grapholap.application.restpp;

import io.grapholap.application.restpp.ParameterType.Collection;
import io.grapholap.application.restpp.ParameterType.CollectionKind;
import io.grapholap.application.restpp.ParameterType.MapOf;
import io.grapholap.application.restpp.ParameterType.Scalar;
import io.grapholap.application.restpp.ParameterType.Vertex;
import io.grapholap.domain.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a UDF's {@code execute_args} from a REST++ (TigerGraph-style) request: query-string parameters and
 * a JSON body, converted by the types the UDF declares. Pure: no I/O, no state.
 *
 * <p>Query strings: a scalar is one value; {@code SET}/{@code BAG}/{@code LIST} of scalars or of
 * typed vertices repeat the name ({@code p=1&p=5}); {@code VERTEX<t>} is the primary key
 * ({@code vp=person1}); an untyped {@code VERTEX} adds {@code name.type}
 * ({@code va=person2&va.type=person}); a collection of untyped vertices is indexed
 * ({@code vp[0]=person5&vp[0].type=person&vp[1]=11&vp[1].type=post}). {@code MAP} parameters and
 * collections of collections only come in a JSON body.
 *
 * <p>Values as the function sees them: INT a long; UINT a long (a BigInteger above
 * {@code Long.MAX_VALUE}); FLOAT and DOUBLE a double (finite); STRING a string; BOOL a boolean
 * ({@code true}/{@code false}/{@code 1}/{@code 0}); DATETIME an ISO-8601 UTC string (accepted as
 * {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd}, ISO-8601 with or without offset, or epoch seconds);
 * a vertex {@code {"id": key, "type": type}}; SET/BAG/LIST a list (a SET without repeats, in first-seen
 * order); MAP a map with string keys (JSON: {@code {"keyList": […], "valueList": […]}} or a plain object).
 *
 * <p>A declared parameter whose value does not convert is a {@link ValidationException} whose field
 * is the parameter's name. Undeclared parameters are passed by their shape, without guessing types:
 * one value a string, a repeated one a list of strings, {@code x}+{@code x.type} a vertex, indexed
 * values a list; in a JSON body, as sent, except that {@code {"keyList", "valueList"}} objects (maps,
 * tuples) become maps. A declared parameter that is absent is absent from the arguments.
 */
public final class QueryParameters {

    /** At most this many values in one request, all parameters together. */
    public static final int MAX_VALUES = 10_000;

    private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,63})(?:\\[(\\d{1,4})])?(\\.type)?");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final BigInteger UINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private QueryParameters() {
    }

    /** The raw values of one parameter name in a query string, by form. */
    private static final class Group {
        final List<String> plain = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final TreeMap<Integer, List<String>> indexed = new TreeMap<>();
        final TreeMap<Integer, List<String>> indexedTypes = new TreeMap<>();
    }

    /** Arguments from query-string parameters ({@code name → values in order}). */
    public static Map<String, Object> fromQuery(List<DeclaredParameter> declared, Map<String, List<String>> query) {
        Map<String, ParameterType> types = types(declared);
        Map<String, Group> groups = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            count += entry.getValue().size();
            if (count > MAX_VALUES) {
                throw new ValidationException("query", "a request carries at most " + MAX_VALUES + " parameter values");
            }
            Matcher m = KEY.matcher(entry.getKey());
            if (!m.matches()) {
                throw new ValidationException(entry.getKey(), "'" + entry.getKey()
                        + "' is not a parameter name (name, name.type, name[i] or name[i].type)");
            }
            Group g = groups.computeIfAbsent(m.group(1), k -> new Group());
            boolean isType = m.group(3) != null;
            if (m.group(2) == null) {
                (isType ? g.types : g.plain).addAll(entry.getValue());
            } else {
                int index = Integer.parseInt(m.group(2));
                (isType ? g.indexedTypes : g.indexed).computeIfAbsent(index, k -> new ArrayList<>()).addAll(entry.getValue());
            }
        }
        Map<String, Object> args = new LinkedHashMap<>();
        groups.forEach((name, group) -> {
            ParameterType type = types.get(name);
            args.put(name, type == null ? byShape(name, group) : declared(name, type, group));
        });
        return args;
    }

    /** Arguments from a JSON body (an object: name → value, as parsed into plain values). */
    public static Map<String, Object> fromJson(List<DeclaredParameter> declared, Map<String, Object> body) {
        Map<String, ParameterType> types = types(declared);
        Map<String, Object> args = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            ParameterType type = types.get(name);
            args.put(name, type == null ? jsonByShape(value) : json(name, type, value));
        });
        return args;
    }

    /** Both sources together; a name in both is refused. */
    public static Map<String, Object> merge(Map<String, Object> fromQuery, Map<String, Object> fromBody) {
        Map<String, Object> all = new LinkedHashMap<>(fromQuery);
        for (Map.Entry<String, Object> e : fromBody.entrySet()) {
            if (all.containsKey(e.getKey())) {
                throw new ValidationException(e.getKey(), "parameter " + e.getKey() + " is given both in the query string and in the body");
            }
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }

    private static Map<String, ParameterType> types(List<DeclaredParameter> declared) {
        Map<String, ParameterType> types = new LinkedHashMap<>();
        for (DeclaredParameter p : declared) {
            types.put(p.name(), p.parsedType());
        }
        return types;
    }

    // ---- query strings, declared ----

    private static Object declared(String name, ParameterType type, Group g) {
        return switch (type) {
            case Scalar s -> {
                noTypesOrIndexes(name, g, type);
                yield scalar(name, s, single(name, g.plain, type));
            }
            case Vertex v -> {
                if (!g.indexed.isEmpty() || !g.indexedTypes.isEmpty()) {
                    throw new ValidationException(name, "parameter " + name + " is a " + type + ": give name=key"
                            + (v.vertexType() == null ? " and name.type=vertex_type" : ""));
                }
                String key = single(name, g.plain, type);
                String given = g.types.isEmpty() ? null : single(name, g.types, type);
                yield vertexValue(name, v, key, given);
            }
            case Collection c -> collectionFromQuery(name, c, g);
            case MapOf m -> throw new ValidationException(name, "parameter " + name + " is a " + type
                    + "; send it in a POST JSON body as {\"keyList\": [...], \"valueList\": [...]}");
        };
    }

    private static Object collectionFromQuery(String name, Collection c, Group g) {
        List<Object> values = new ArrayList<>();
        switch (c.element()) {
            case Scalar s -> {
                noTypesOrIndexes(name, g, c);
                for (String raw : g.plain) {
                    values.add(scalar(name, s, raw));
                }
            }
            case Vertex v -> {
                if (!g.types.isEmpty()) {
                    throw new ValidationException(name, "parameter " + name + " is a " + c + "; give each vertex's type as "
                            + name + "[i].type");
                }
                if (!g.plain.isEmpty() && (!g.indexed.isEmpty() || !g.indexedTypes.isEmpty())) {
                    throw new ValidationException(name, "parameter " + name + " mixes repeated and indexed values");
                }
                if (!g.plain.isEmpty()) {
                    if (v.vertexType() == null) {
                        throw new ValidationException(name, "parameter " + name + " is a " + c
                                + " of untyped vertices: give them indexed, " + name + "[0]=key&" + name + "[0].type=vertex_type");
                    }
                    for (String key : g.plain) {
                        values.add(vertexValue(name, v, key, null));
                    }
                } else {
                    for (Integer index : g.indexedTypes.keySet()) {
                        if (!g.indexed.containsKey(index)) {
                            throw new ValidationException(name, "parameter " + name + "[" + index + "].type has no " + name + "[" + index + "]");
                        }
                    }
                    for (Map.Entry<Integer, List<String>> e : g.indexed.entrySet()) {
                        String element = name + "[" + e.getKey() + "]";
                        String key = single(element, e.getValue(), v, name);
                        List<String> typeValues = g.indexedTypes.get(e.getKey());
                        String given = typeValues == null ? null : single(element, typeValues, v, name);
                        values.add(vertexValue(name, v, key, given));
                    }
                }
            }
            default -> throw new ValidationException(name, "parameter " + name + " is a " + c
                    + "; collections of collections and maps only come in a POST JSON body");
        }
        return collect(c.kind(), values);
    }

    private static void noTypesOrIndexes(String name, Group g, ParameterType type) {
        if (!g.types.isEmpty() || !g.indexed.isEmpty() || !g.indexedTypes.isEmpty()) {
            throw new ValidationException(name, "parameter " + name + " is a " + type + "; .type and [i] forms are for vertices");
        }
    }

    private static String single(String name, List<String> values, ParameterType type) {
        return single(name, values, type, name);
    }

    private static String single(String what, List<String> values, ParameterType type, String field) {
        if (values.size() != 1) {
            throw new ValidationException(field, "parameter " + what + " is a " + type + " and takes one value, got " + values.size());
        }
        return values.getFirst();
    }

    // ---- query strings, undeclared ----

    private static Object byShape(String name, Group g) {
        if (!g.indexed.isEmpty() || !g.indexedTypes.isEmpty()) {
            if (!g.plain.isEmpty() || !g.types.isEmpty()) {
                throw new ValidationException(name, "parameter " + name + " mixes plain and indexed values");
            }
            List<Object> out = new ArrayList<>();
            for (Map.Entry<Integer, List<String>> e : g.indexed.entrySet()) {
                String element = name + "[" + e.getKey() + "]";
                String value = single(element, e.getValue(), new Scalar(ParameterType.ScalarKind.STRING), name);
                List<String> typeValues = g.indexedTypes.get(e.getKey());
                out.add(typeValues == null ? value
                        : vertexMap(value, single(element + ".type", typeValues, new Scalar(ParameterType.ScalarKind.STRING), name)));
            }
            if (out.size() != g.indexed.size() || !g.indexed.keySet().containsAll(g.indexedTypes.keySet())) {
                throw new ValidationException(name, "parameter " + name + " has a [i].type without its [i] value");
            }
            return out;
        }
        if (!g.types.isEmpty()) {
            if (g.plain.size() != 1 || g.types.size() != 1) {
                throw new ValidationException(name, "parameter " + name + " with " + name + ".type is one vertex: give one value and one type");
            }
            return vertexMap(g.plain.getFirst(), g.types.getFirst());
        }
        return g.plain.size() == 1 ? g.plain.getFirst() : List.copyOf(g.plain);
    }

    // ---- JSON bodies ----

    private static Object json(String name, ParameterType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case Scalar s -> scalarFromJson(name, s, value);
            case Vertex v -> vertexFromJson(name, v, value);
            case Collection c -> {
                if (!(value instanceof List<?> list)) {
                    throw new ValidationException(name, "parameter " + name + " is a " + c + " and takes a JSON array");
                }
                List<Object> values = new ArrayList<>(list.size());
                for (Object element : list) {
                    if (element == null) {
                        throw new ValidationException(name, "parameter " + name + " holds a null element");
                    }
                    values.add(json(name, c.element(), element));
                }
                yield collect(c.kind(), values);
            }
            case MapOf m -> mapFromJson(name, m, value);
        };
    }

    private static Object scalarFromJson(String name, Scalar s, Object value) {
        return switch (value) {
            case String text -> scalar(name, s, text);
            case Boolean b when s.kind() == ParameterType.ScalarKind.BOOL -> b;
            case Boolean b when s.kind() == ParameterType.ScalarKind.STRING -> b.toString();
            case Number n when s.kind() == ParameterType.ScalarKind.STRING -> n.toString();
            case Number n when s.kind() != ParameterType.ScalarKind.BOOL -> scalar(name, s, plainNumber(n));
            default -> throw new ValidationException(name, "parameter " + name + " is a " + s + "; got " + describe(value));
        };
    }

    private static Object vertexFromJson(String name, Vertex v, Object value) {
        if (value instanceof Map<?, ?> object) {
            Object id = object.get("id");
            if (id == null) {
                throw new ValidationException(name, "parameter " + name + " is a " + v + " and needs an \"id\"");
            }
            if (id instanceof Map<?, ?> composite && composite.size() == 1 && composite.get("id") instanceof List<?> ordered) {
                id = ordered;
            }
            if (id instanceof Boolean) {
                throw new ValidationException(name, "parameter " + name + " has a boolean vertex id");
            }
            Object type = object.get("type");
            if (type != null && !(type instanceof String)) {
                throw new ValidationException(name, "parameter " + name + " has a vertex \"type\" that is not a string");
            }
            for (Object key : object.keySet()) {
                if (!"id".equals(key) && !"type".equals(key)) {
                    throw new ValidationException(name, "parameter " + name + " is a vertex, {\"id\", \"type\"}; unexpected \"" + key + "\"");
                }
            }
            return vertexValue(name, v, id, (String) type);
        }
        if (v.vertexType() != null && (value instanceof String || value instanceof Number)) {
            return vertexValue(name, v, value, null);
        }
        throw new ValidationException(name, "parameter " + name + " is a " + v + " and takes {\"id\": key, \"type\": vertex_type}; got "
                + describe(value));
    }

    private static Object mapFromJson(String name, MapOf m, Object value) {
        if (!(value instanceof Map<?, ?> object)) {
            throw new ValidationException(name, "parameter " + name + " is a " + m
                    + " and takes {\"keyList\": [...], \"valueList\": [...]} or a JSON object");
        }
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (keyValueLists(object)) {
            keys.addAll((List<?>) object.get("keyList"));
            values.addAll((List<?>) object.get("valueList"));
            if (keys.size() != values.size()) {
                throw new ValidationException(name, "parameter " + name + " has " + keys.size() + " keys and " + values.size() + " values");
            }
        } else {
            object.forEach((k, v) -> {
                keys.add(k);
                values.add(v);
            });
        }
        if (!(m.key() instanceof Scalar keyType)) {
            throw new ValidationException(name, "parameter " + name + " is a " + m + "; map keys must be scalars");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null) {
                throw new ValidationException(name, "parameter " + name + " has a null key");
            }
            String key = String.valueOf(scalarFromJson(name, keyType, keys.get(i)));
            if (out.containsKey(key)) {
                throw new ValidationException(name, "parameter " + name + " has the key " + key + " twice");
            }
            out.put(key, json(name, m.value(), values.get(i)));
        }
        return out;
    }

    private static Object jsonByShape(Object value) {
        if (value instanceof Map<?, ?> object) {
            if (keyValueLists(object)) {
                List<?> keys = (List<?>) object.get("keyList");
                List<?> values = (List<?>) object.get("valueList");
                if (keys.size() == values.size() && keys.stream().allMatch(k -> k instanceof String || k instanceof Number)) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        out.put(String.valueOf(keys.get(i)), jsonByShape(values.get(i)));
                    }
                    if (out.size() == keys.size()) {
                        return out;
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            object.forEach((k, v) -> out.put(String.valueOf(k), jsonByShape(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(jsonByShape(v)));
            return out;
        }
        return value;
    }

    private static boolean keyValueLists(Map<?, ?> object) {
        return object.size() == 2 && object.get("keyList") instanceof List<?> && object.get("valueList") instanceof List<?>;
    }

    // ---- shared conversions ----

    static Object scalar(String name, Scalar s, String raw) {
        String text = raw.strip();
        try {
            return switch (s.kind()) {
                case STRING -> raw;
                case INT -> Long.parseLong(text);
                case UINT -> {
                    BigInteger value = new BigInteger(text);
                    if (value.signum() < 0 || value.compareTo(UINT_MAX) > 0) {
                        throw new NumberFormatException();
                    }
                    yield value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
                }
                case FLOAT, DOUBLE -> {
                    if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                        throw new NumberFormatException();
                    }
                    double value = Double.parseDouble(text);
                    if (Double.isInfinite(value) || (s.kind() == ParameterType.ScalarKind.FLOAT && Math.abs(value) > Float.MAX_VALUE)) {
                        throw new NumberFormatException();
                    }
                    yield value;
                }
                case BOOL -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> true;
                    case "false", "0" -> false;
                    default -> throw new NumberFormatException();
                };
                case DATETIME -> datetime(text);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new ValidationException(name, "parameter " + name + " is a " + s + "; '" + raw + "' is not one"
                    + (s.kind() == ParameterType.ScalarKind.DATETIME ? " (yyyy-MM-dd HH:mm:ss, yyyy-MM-dd, ISO-8601 or epoch seconds)" : ""));
        }
    }

    private static String datetime(String text) {
        Instant instant;
        if (text.matches("-?\\d{1,12}")) {
            instant = Instant.ofEpochSecond(Long.parseLong(text));
        } else if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            instant = LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
        } else if (text.matches(".*(Z|[+-]\\d{2}:\\d{2})$")) {
            instant = OffsetDateTime.parse(text).toInstant();
        } else {
            instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return instant.toString();
    }

    private static String plainNumber(Number n) {
        if (n instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (n instanceof Float f) {
            return plainNumber(f.doubleValue());
        }
        return n instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : n.toString();
    }

    private static Map<String, Object> vertexValue(String name, Vertex v, Object id, String givenType) {
        if (id instanceof String s && s.isEmpty()) {
            throw new ValidationException(name, "parameter " + name + " has an empty vertex id");
        }
        String type = givenType == null || givenType.isBlank() ? null : givenType.strip();
        if (v.vertexType() == null && type == null) {
            throw new ValidationException(name, "parameter " + name + " is an untyped VERTEX: give its type (" + name + ".type=vertex_type)");
        }
        if (v.vertexType() != null && type != null && !v.vertexType().equals(type)) {
            throw new ValidationException(name, "parameter " + name + " is a " + v + "; got a vertex of type " + type);
        }
        return vertexMap(id, type == null ? v.vertexType() : type);
    }

    private static Map<String, Object> vertexMap(Object id, String type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        return out;
    }

    private static List<Object> collect(CollectionKind kind, List<Object> values) {
        return kind == CollectionKind.SET ? List.copyOf(new LinkedHashSet<>(values)) : values;
    }

    private static String describe(Object value) {
        return switch (value) {
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            case String s -> "'" + s + "'";
            default -> String.valueOf(value);
        };
    }
}
