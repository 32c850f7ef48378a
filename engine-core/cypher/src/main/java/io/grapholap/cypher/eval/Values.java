package io.grapholap.cypher.eval;

import java.util.List;
import java.util.Map;

/**
 * The values of a query: {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link String},
 * {@link List}, {@link Map} (string keys, insertion order), and the graph values below.
 */
public final class Values {

    private Values() {
    }

    /** A node of the graph, by dense id. */
    public record Node(long id) {
    }

    /** A relationship of the graph, by dense id. */
    public record Relationship(long id) {
    }

    /** A path: {@code nodes.length == relationships.length + 1}, in walking order. */
    public record Path(long[] nodes, long[] relationships) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Path p && java.util.Arrays.equals(nodes, p.nodes) && java.util.Arrays.equals(relationships, p.relationships);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(nodes) + java.util.Arrays.hashCode(relationships);
        }

        @Override
        public String toString() {
            return "Path" + java.util.Arrays.toString(nodes);
        }
    }

    /** The type name openCypher uses in messages: {@code Integer}, {@code Float}, {@code List}, … */
    public static String typeName(Object v) {
        return switch (v) {
            case null -> "Null";
            case Boolean b -> "Boolean";
            case Long l -> "Integer";
            case Double d -> "Float";
            case String s -> "String";
            case List<?> l -> "List";
            case Map<?, ?> m -> "Map";
            case Node n -> "Node";
            case Relationship r -> "Relationship";
            case Path p -> "Path";
            default -> v.getClass().getSimpleName();
        };
    }

    /** Java values from parameters and properties, in the query's value model (ints widen to Long, floats to Double). */
    public static Object of(Object v) {
        return switch (v) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case java.math.BigDecimal d -> d.doubleValue();
            case java.math.BigInteger i -> i.longValueExact();
            case Character c -> String.valueOf(c);
            case List<?> l -> l.stream().map(Values::of).toList();
            case Object[] a -> java.util.Arrays.stream(a).map(Values::of).toList();
            case Map<?, ?> m -> {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), of(x)));
                yield out;
            }
            case null, default -> v;
        };
    }
}
