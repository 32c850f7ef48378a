package io.grapholap.cypher.tck;

import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of the TCK's expected tables, and our results brought to the same form so that they can
 * be compared: integers and floats stay apart ({@code 1} is not {@code 1.0}), maps compare without
 * order, nodes compare by labels and properties, relationships by type and properties, paths by their
 * elements.
 */
final class TckValue {

    record NodeValue(Set<String> labels, Map<String, Object> properties) {
    }

    record RelationshipValue(String type, Map<String, Object> properties) {
    }

    record PathValue(List<Object> elements) {
    }

    private final String text;
    private int at;

    private TckValue(String text) {
        this.text = text;
    }

    /** A cell of an expected table, parsed. */
    static Object parse(String cell) {
        TckValue p = new TckValue(cell.trim());
        Object v = p.value();
        p.space();
        if (p.at != p.text.length()) {
            throw new IllegalArgumentException("unexpected '" + p.text.substring(p.at) + "' in TCK value " + cell);
        }
        return v;
    }

    /** One of our result values in the TCK's form. */
    static Object of(Object v, CypherGraph graph) {
        return switch (v) {
            case Values.Node n -> new NodeValue(Set.copyOf(graph.labels(n.id())), plain(graph.nodeProperties(n.id())));
            case Values.Relationship r -> new RelationshipValue(graph.type(r.id()), plain(graph.relationshipProperties(r.id())));
            case Values.Path p -> {
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < p.nodes().length; i++) {
                    elements.add(of(new Values.Node(p.nodes()[i]), graph));
                    if (i < p.relationships().length) {
                        long r = p.relationships()[i];
                        boolean forward = graph.startNode(r) == p.nodes()[i];
                        elements.add(forward ? "->" : "<-");
                        elements.add(of(new Values.Relationship(r), graph));
                    }
                }
                yield new PathValue(elements);
            }
            case List<?> l -> l.stream().map(x -> of(x, graph)).toList();
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), of(x, graph)));
                yield out;
            }
            case null, default -> Values.of(v);
        };
    }

    private static Map<String, Object> plain(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, Values.of(v)));
        return out;
    }

    /** The value with every list in it sorted, for tables compared "ignoring element order for lists". */
    static Object sortLists(Object v) {
        if (v instanceof List<?> l) {
            List<Object> sorted = new ArrayList<>(l.stream().map(TckValue::sortLists).toList());
            sorted.sort(java.util.Comparator.comparing(String::valueOf));
            return sorted;
        }
        return v;
    }

    /** Structural equality: integers and floats apart, NaN equal to NaN, maps without order. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            if (l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!same(l.get(i), m.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> l && b instanceof Map<?, ?> m) {
            return l.keySet().equals(m.keySet()) && l.keySet().stream().allMatch(k -> same(l.get(k), m.get(k)));
        }
        if (a instanceof NodeValue x && b instanceof NodeValue y) {
            return x.labels().equals(y.labels()) && same(x.properties(), y.properties());
        }
        if (a instanceof RelationshipValue x && b instanceof RelationshipValue y) {
            return x.type().equals(y.type()) && same(x.properties(), y.properties());
        }
        if (a instanceof PathValue x && b instanceof PathValue y) {
            return same(x.elements(), y.elements());
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    // ---- parser of the TCK's value notation

    private Object value() {
        space();
        char c = text.charAt(at);
        if (c == '\'') {
            return string();
        }
        if (c == '[') {
            return text.startsWith("[:", at) ? relationship() : list();
        }
        if (c == '{') {
            return map();
        }
        if (c == '(') {
            return node();
        }
        if (c == '<') {
            return path();
        }
        if (word("null")) {
            return null;
        }
        if (word("true")) {
            return true;
        }
        if (word("false")) {
            return false;
        }
        if (word("NaN")) {
            return Double.NaN;
        }
        if (word("Infinity") || word("Inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (word("-Infinity") || word("-Inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        return number();
    }

    private boolean word(String w) {
        if (text.startsWith(w, at) && (at + w.length() == text.length() || !Character.isLetterOrDigit(text.charAt(at + w.length())))) {
            at += w.length();
            return true;
        }
        return false;
    }

    private Object number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || ".eE-+".indexOf(text.charAt(at)) >= 0 && at > start)) {
            at++;
        }
        String n = text.substring(start, at);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("not a TCK value: " + text.substring(start));
        }
        return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : Long.parseLong(n);
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (text.charAt(at) != '\'') {
            char c = text.charAt(at++);
            if (c == '\\') {
                char e = text.charAt(at++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        at++;
        return sb.toString();
    }

    private List<Object> list() {
        List<Object> out = new ArrayList<>();
        at++;
        space();
        if (text.charAt(at) == ']') {
            at++;
            return out;
        }
        while (true) {
            out.add(value());
            space();
            char c = text.charAt(at++);
            if (c == ']') {
                return out;
            }
        }
    }

    private Map<String, Object> map() {
        Map<String, Object> out = new LinkedHashMap<>();
        at++;
        space();
        if (text.charAt(at) == '}') {
            at++;
            return out;
        }
        while (true) {
            space();
            String key = name();
            space();
            at++; // ':'
            out.put(key, value());
            space();
            char c = text.charAt(at++);
            if (c == '}') {
                return out;
            }
        }
    }

    private String name() {
        if (text.charAt(at) == '`') {
            int end = text.indexOf('`', at + 1);
            String n = text.substring(at + 1, end);
            at = end + 1;
            return n;
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(start, at);
    }

    private NodeValue node() {
        at++;
        Set<String> labels = new java.util.LinkedHashSet<>();
        Map<String, Object> properties = Map.of();
        space();
        while (text.charAt(at) == ':') {
            at++;
            labels.add(name());
            space();
        }
        if (text.charAt(at) == '{') {
            properties = map();
            space();
        }
        at++; // ')'
        return new NodeValue(labels, properties);
    }

    private RelationshipValue relationship() {
        at += 2;
        String type = name();
        space();
        Map<String, Object> properties = Map.of();
        if (text.charAt(at) == '{') {
            properties = map();
            space();
        }
        at++; // ']'
        return new RelationshipValue(type, properties);
    }

    private PathValue path() {
        at++;
        List<Object> elements = new ArrayList<>();
        space();
        elements.add(node());
        space();
        while (text.charAt(at) != '>') {
            boolean backward = text.charAt(at) == '<';
            at += backward ? 2 : 1; // "<-" or "-"
            RelationshipValue r = relationship();
            at += backward ? 1 : 2; // "-" or "->"
            elements.add(backward ? "<-" : "->");
            elements.add(r);
            space();
            elements.add(node());
            space();
        }
        at++;
        return new PathValue(elements);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
