package io.grapholap.gremlin.csr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.tinkerpop.gremlin.process.traversal.Path;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

/**
 * Turns traversal results into plain values that any JSON, CSV or Arrow writer can handle: numbers,
 * strings, booleans, {@code null}, {@link List}s and {@link Map}s with string keys.
 *
 * <ul>
 *   <li>vertex → {@code {id, label, type:"vertex", properties:{key: value or [values]}}}</li>
 *   <li>edge → {@code {id, label, type:"edge", outV, inV, properties:{key: value}}}</li>
 *   <li>vertex property / property → {@code {key, value}}</li>
 *   <li>path → {@code {labels:[[…]…], objects:[…]}}</li>
 *   <li>map → map with keys written as strings (a map entry → a one-entry map) (elements by their id, {@code T.id} as "id"),
 *       iterables, arrays and iterators → lists, dates → ISO-8601 strings, UUID → string,
 *       enums → their name, anything else → {@code toString()}</li>
 * </ul>
 */
public final class GremlinValues {

    private GremlinValues() {
    }

    public static Object toPlain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case BigDecimal d -> d;
            case BigInteger i -> i;
            case Number n -> n;
            case Vertex v -> vertex(v);
            case Edge e -> edge(e);
            case VertexProperty<?> p -> property(p.key(), p.isPresent() ? p.value() : null);
            case Property<?> p -> property(p.key(), p.isPresent() ? p.value() : null);
            case Path p -> path(p);
            case Map<?, ?> m -> map(m);
            case Map.Entry<?, ?> e -> entry(e);
            case Iterable<?> it -> list(it.iterator());
            case Iterator<?> it -> list(it);
            case Object[] array -> list(java.util.Arrays.asList(array).iterator());
            case Date d -> d.toInstant().toString();
            case TemporalAccessor t -> t.toString();
            case UUID u -> u.toString();
            case Enum<?> e -> e.name();
            case Character c -> c.toString();
            default -> value.toString();
        };
    }

    /** A map key as a string: an element by its id, an enum by its name. */
    public static String key(Object key) {
        return switch (key) {
            case null -> "null";
            case String s -> s;
            case Element e -> String.valueOf(e.id());
            case Enum<?> e -> e.name();
            default -> String.valueOf(toPlain(key));
        };
    }

    private static Map<String, Object> vertex(Vertex v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", toPlain(v.id()));
        out.put("label", v.label());
        out.put("type", "vertex");
        Map<String, Object> properties = new LinkedHashMap<>();
        v.properties().forEachRemaining(p -> {
            Object value = toPlain(p.value());
            properties.merge(p.key(), value, (a, b) -> {
                List<Object> values = a instanceof MultiValue m ? m : new MultiValue(a);
                values.add(b);
                return values;
            });
        });
        properties.replaceAll((k, val) -> val instanceof MultiValue m ? new ArrayList<>(m) : val);
        out.put("properties", properties);
        return out;
    }

    private static Map<String, Object> edge(Edge e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", toPlain(e.id()));
        out.put("label", e.label());
        out.put("type", "edge");
        out.put("outV", toPlain(e.outVertex().id()));
        out.put("inV", toPlain(e.inVertex().id()));
        Map<String, Object> properties = new LinkedHashMap<>();
        e.properties().forEachRemaining(p -> properties.put(p.key(), toPlain(p.value())));
        out.put("properties", properties);
        return out;
    }

    private static Map<String, Object> property(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("value", toPlain(value));
        return out;
    }

    private static Map<String, Object> path(Path p) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> labels = new ArrayList<>();
        p.labels().forEach(set -> labels.add(new ArrayList<>(set)));
        out.put("labels", labels);
        out.put("objects", list(p.objects().iterator()));
        return out;
    }

    private static Map<String, Object> map(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(key(k), toPlain(v)));
        return out;
    }

    private static Map<String, Object> entry(Map.Entry<?, ?> e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key(e.getKey()), toPlain(e.getValue()));
        return out;
    }

    private static List<Object> list(Iterator<?> it) {
        List<Object> out = new ArrayList<>();
        it.forEachRemaining(v -> out.add(toPlain(v)));
        return out;
    }

    /** Marks a property value list built from several values of one key. */
    private static final class MultiValue extends ArrayList<Object> {
        MultiValue(Object first) {
            add(first);
        }
    }
}
