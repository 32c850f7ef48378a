package io.grapholap.polyglot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.function.FunctionSession;
import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The one host function user code can reach, through the language prelude: {@code (op, handle, json)}
 * → JSON text. Handles number the graphs and the session of one run; nothing else of the host is
 * visible. Every failure comes back as {@code {"error": {type, message, field}}}, which the prelude
 * raises as a guest error, so no Java exception object ever reaches user code. One bridge per run.
 */
final class HostBridge implements ProxyExecutable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Object> handles = new ArrayList<>();
    private final CancellationToken cancel;
    private final long deadlineNanos;
    private final PolyglotSettings settings;
    private final FunctionSession session;

    /**
     * @param session the run's session (registered as a handle), through which algorithms run; {@code null}
     *                when the run has none, and then no algorithm can run
     */
    HostBridge(CancellationToken cancel, long deadlineNanos, PolyglotSettings settings, FunctionSession session) {
        this.session = session;
        this.cancel = cancel;
        this.deadlineNanos = deadlineNanos;
        this.settings = settings;
        if (session != null) {
            register(session);
        }
    }

    /** Registers a graph or the session and returns its handle. */
    synchronized int register(Object target) {
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i) == target) {
                return i;
            }
        }
        handles.add(target);
        return handles.size() - 1;
    }

    synchronized Object target(int handle) {
        return handle >= 0 && handle < handles.size() ? handles.get(handle) : null;
    }

    @Override
    public Object execute(Value... arguments) {
        try {
            if (arguments.length != 3 || !arguments[0].isString() || !arguments[1].fitsInInt() || !arguments[2].isString()) {
                throw new ValidationException("call", "the graph API bridge takes (op, handle, json)");
            }
            String op = arguments[0].asString();
            int handle = arguments[1].asInt();
            @SuppressWarnings("unchecked")
            Map<String, Object> args = JSON.readValue(arguments[2].asString(), Map.class);
            Object value = dispatch(op, target(handle), args == null ? Map.of() : args);
            return write(java.util.Collections.singletonMap("value", value));
        } catch (DomainException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            return error(e);
        } catch (IOException e) {
            return error(new ValidationException("call", "arguments are not valid JSON: " + e.getMessage()));
        }
    }

    private Object dispatch(String op, Object target, Map<String, Object> a) {
        if (op.startsWith("session.")) {
            if (!(target instanceof FunctionSession s)) {
                throw new IllegalStateException("no session is available to this function");
            }
            return switch (op) {
                case "session.datasets" -> s.datasets();
                case "session.instances" -> s.instances();
                case "session.load_dataset" -> graphRef(s.loadDataset(string(a, "id")));
                case "session.instance" -> graphRef(s.instance(number(a, "id").longValue()));
                case "session.graph" -> graphRef(s.buildGraph(records(a, "nodes"), records(a, "edges")));
                default -> throw new ValidationException("op", "unknown session call " + op);
            };
        }
        if (op.equals("algo_data")) {
            if (!(target instanceof AlgorithmResult r)) {
                throw new IllegalStateException("not an algorithm result handle");
            }
            return data(r);
        }
        if (!(target instanceof GraphInstance g)) {
            throw new IllegalStateException("not a graph handle");
        }
        return switch (op) {
            case "statistics" -> statistics(g.statistics());
            case "algo" -> {
                Object params = a.get("params");
                if (params != null && !(params instanceof Map)) {
                    throw new ValidationException("params", "algorithm parameters must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> p = params == null ? Map.of() : (Map<String, Object>) params;
                cancel.throwIfCancelled("function run");
                if (session == null) {
                    throw new IllegalStateException("no session is available to run algorithms in this function");
                }
                AlgorithmResult r = session.runAlgorithm(g, string(a, "name"), p, cancel);
                Map<String, Object> summary = summary(r);
                summary.put("handle", register(r));
                yield summary;
            }
            case "gremlin" -> {
                Object bindings = a.get("bindings");
                if (bindings != null && !(bindings instanceof Map)) {
                    throw new ValidationException("bindings", "Gremlin bindings must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> b = bindings == null ? Map.of() : (Map<String, Object>) bindings;
                QueryResult r = g.gremlin(string(a, "query"), b, new QueryLimits(remaining(), settings.maxGremlinRows()));
                List<Object> rows = new ArrayList<>(r.rows().size());
                for (List<Object> row : r.rows()) {
                    rows.add(row.size() == 1 ? row.get(0) : row);
                }
                yield rows;
            }
            case "cypher" -> {
                Object params = a.get("params");
                if (params != null && !(params instanceof Map)) {
                    throw new ValidationException("params", "Cypher parameters must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> p = params == null ? Map.of() : (Map<String, Object>) params;
                cancel.throwIfCancelled("function run");
                QueryResult r = g.cypher(string(a, "query"), p, new QueryLimits(remaining(), settings.maxGremlinRows()),
                        algorithmCalls(g));
                List<Object> rows = new ArrayList<>(r.rows().size());
                for (List<Object> row : r.rows()) {
                    Map<String, Object> record = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < r.columns().size(); i++) {
                        record.put(r.columns().get(i), row.get(i));
                    }
                    rows.add(record);
                }
                yield rows;
            }
            case "nodes" -> new Records(g.nodes(string(a, "label")), limit(a));
            case "edges" -> new Records(g.edges(string(a, "type")), limit(a));
            default -> throw new ValidationException("op", "unknown graph call " + op);
        };
    }

    /** {@code CALL grapholap.<algorithm>} from a function's Cypher runs through its session, like {@code g.algo}. */
    private AlgorithmCalls algorithmCalls(GraphInstance g) {
        if (session == null) {
            return AlgorithmCalls.NONE;
        }
        return (algorithm, params, token) -> session.runAlgorithm(g, algorithm, params, cancel);
    }

    private Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }

    private int limit(Map<String, Object> a) {
        Object l = a.get("limit");
        if (l == null) {
            return -1;
        }
        if (!(l instanceof Number n) || n.longValue() < 0 || n.longValue() > settings.maxRecords()) {
            throw new ValidationException("limit", "limit must be a whole number in [0, " + settings.maxRecords()
                    + "], got " + l);
        }
        return n.intValue();
    }

    private Map<String, Object> graphRef(GraphInstance g) {
        return Map.of("graph", register(g));
    }

    private static Map<String, Object> statistics(GraphStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vertex_count", s.vertexCount());
        m.put("edge_count", s.edgeCount());
        m.put("directed", s.directed());
        m.put("vertices_per_label", s.verticesPerLabel());
        m.put("edges_per_type", s.edgesPerType());
        m.put("host_bytes", s.hostBytes());
        m.put("device_bytes", s.deviceBytes());
        return m;
    }

    /** An algorithm result without its columns, which user code fetches only when it reads {@code data}. */
    private static Map<String, Object> summary(AlgorithmResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", r.algorithm());
        m.put("engine", r.engine());
        m.put("columns", r.columns());
        m.put("row_count", r.rowCount());
        m.put("stats", r.stats());
        return m;
    }

    private static Map<String, Object> data(AlgorithmResult r) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < r.columns().size(); i++) {
            data.put(r.columns().get(i), r.data().get(i));
        }
        return data;
    }

    /** JSON bytes guessed for a vertex identity or label, which a result makes only when it is written. */
    private static final long VERTEX_NAME_BYTES = 24;

    /**
     * An algorithm result that user code returned as it was, as plain values without a trip through
     * the guest: {@code {algorithm, engine, columns, row_count, stats, data: {column: [values]}}}.
     * Refused when its estimated JSON size is over {@code maxBytes}.
     */
    static Map<String, Object> plainResult(AlgorithmResult r, long maxBytes) {
        long estimate = 64;
        for (Column c : r.data()) {
            estimate += c instanceof Column.OfVertices ? VERTEX_NAME_BYTES * c.size()
                    : c.type() == ValueType.STRING || c.type() == ValueType.LIST ? c.bytes() : 12L * c.size();
        }
        if (estimate > maxBytes) {
            throw new ValidationException("output", "the function's result is larger than the output limit of "
                    + maxBytes + " bytes");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < r.columns().size(); i++) {
            Column c = r.data().get(i);
            List<Object> values = new ArrayList<>(c.size());
            for (int row = 0; row < c.size(); row++) {
                values.add(c.get(row));
            }
            data.put(r.columns().get(i), values);
        }
        Map<String, Object> m = summary(r);
        m.put("data", data);
        return m;
    }

    private static String string(Map<String, Object> a, String name) {
        Object v = a.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ValidationException(name, name + " must be a non-empty string, got " + v);
        }
        return s;
    }

    private static Number number(Map<String, Object> a, String name) {
        Object v = a.get(name);
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException(name, name + " must be a number, got '" + s + "'");
            }
        }
        throw new ValidationException(name, name + " must be a number, got " + v);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> a, String name) {
        Object v = a.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new ValidationException(name, name + " must be a list of objects");
        }
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new ValidationException(name, name + " must be a list of objects, found " + o);
            }
        }
        return (List<Map<String, Object>>) list;
    }

    private static String error(RuntimeException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("type", e.getClass().getSimpleName());
        err.put("message", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof ValidationException v) {
            err.put("field", v.field());
        }
        return write(Map.of("error", err));
    }

    /** The rows of a node or edge table as records, at most {@code limit} (or the settings' maximum). */
    private final class Records {
        final Table table;
        final int rows;

        Records(Table table, int limit) {
            this.table = table;
            if (limit < 0 && table.rowCount() > settings.maxRecords()) {
                throw new ValidationException("limit", "table " + table.name() + " has " + table.rowCount()
                        + " rows, more than the " + settings.maxRecords() + " a function may read at once; pass a limit");
            }
            this.rows = limit < 0 ? table.rowCount() : Math.min(limit, table.rowCount());
        }
    }

    /** Plain values as JSON text, the way the bridge writes them. */
    static String toJson(Object value) {
        return write(value);
    }

    private static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
            writeValue(gen, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes plain values, columns (as arrays) and record tables; non-finite doubles as strings. */
    private static void writeValue(JsonGenerator gen, Object v) throws IOException {
        switch (v) {
            case null -> gen.writeNull();
            case String s -> gen.writeString(s);
            case Boolean b -> gen.writeBoolean(b);
            case Double d -> writeDouble(gen, d);
            case Float f -> writeDouble(gen, f);
            case Long l -> gen.writeNumber(l);
            case Integer i -> gen.writeNumber(i);
            case Number n -> gen.writeNumber(n.toString());
            case UUID u -> gen.writeString(u.toString());
            case Map<?, ?> m -> {
                gen.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    gen.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(gen, e.getValue());
                }
                gen.writeEndObject();
            }
            case List<?> list -> {
                gen.writeStartArray();
                for (Object o : list) {
                    writeValue(gen, o);
                }
                gen.writeEndArray();
            }
            case Column c -> {
                gen.writeStartArray();
                for (int row = 0; row < c.size(); row++) {
                    writeCell(gen, c, row);
                }
                gen.writeEndArray();
            }
            case Records r -> {
                gen.writeStartArray();
                List<String> names = r.table.columnNames();
                List<Column> columns = r.table.columns();
                for (int row = 0; row < r.rows; row++) {
                    gen.writeStartObject();
                    for (int i = 0; i < names.size(); i++) {
                        gen.writeFieldName(names.get(i));
                        writeCell(gen, columns.get(i), row);
                    }
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            default -> gen.writeString(v.toString());
        }
    }

    private static void writeCell(JsonGenerator gen, Column c, int row) throws IOException {
        if (c.isNull(row)) {
            gen.writeNull();
            return;
        }
        switch (c) {
            case Column.Int64 l when l.type() == ValueType.INT64 -> gen.writeNumber(l.values()[row]);
            case Column.Int64 t -> {
                long micros = t.values()[row];
                gen.writeString(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L).toString());
            }
            case Column.Int32 i when i.type() == ValueType.INT32 -> gen.writeNumber(i.values()[row]);
            case Column.Int32 d -> gen.writeString(LocalDate.ofEpochDay(d.values()[row]).toString());
            case Column.Float64 d -> writeDouble(gen, d.values()[row]);
            case Column.Float32 f -> writeDouble(gen, f.values()[row]);
            default -> writeValue(gen, c.get(row));
        }
    }

    private static void writeDouble(JsonGenerator gen, double d) throws IOException {
        if (Double.isFinite(d)) {
            gen.writeNumber(d);
        } else {
            gen.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }
}
