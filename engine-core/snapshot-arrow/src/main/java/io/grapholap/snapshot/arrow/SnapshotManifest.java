package io.grapholap.snapshot.arrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.domain.error.SnapshotCorruptException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code manifest.json} of a snapshot: where it came from, when it was made, and for every node
 * label and edge type its Arrow file, row count, byte size, SHA-256 and columns (name, type, null
 * count). Format version 1:
 *
 * <pre>{@code
 * {"format": "grapholap-snapshot", "format_version": 1, "created_at": "2026-…Z",
 *  "source": {"mapping_id": "…", "mapping_version": 3, "dataset": null},
 *  "nodes": [{"label": "person", "file": "nodes-0.arrow", "rows": 2, "bytes": 1234, "sha256": "…",
 *             "key": {"name": "id", "type": "INT64"}, "key_identity": false,
 *             "properties": [{"name": "age", "type": "INT32", "null_count": 0}]}],
 *  "edges": [{"type": "knows", "from_label": "person", "to_label": "person", "file": "edges-0.arrow",
 *             "rows": 1, "bytes": 987, "sha256": "…", "from_key": {"name": "src", "type": "INT64"},
 *             "to_key": {"name": "dst", "type": "INT64"}, "properties": […]}]}
 * }</pre>
 *
 * {@code key_identity} says the keys are the integers {@code 0..rows-1} in order (the loader then
 * keeps no key arrays).
 */
public record SnapshotManifest(int formatVersion, SnapshotSource source, Instant createdAt, List<NodeTable> nodes,
                               List<EdgeTable> edges) {

    public static final String FILE_NAME = "manifest.json";
    static final String FORMAT = "grapholap-snapshot";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SnapshotManifest {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** One column: name, type and how many nulls were written. */
    public record ColumnMeta(String name, ValueType type, long nullCount) {
    }

    /** One file's identity: name relative to the snapshot directory, rows, size and checksum. */
    public record FileMeta(String file, long rows, long bytes, String sha256) {
    }

    public record NodeTable(String label, FileMeta file, ColumnMeta key, boolean keyIdentity, List<ColumnMeta> properties) {
        public NodeTable {
            properties = List.copyOf(properties);
        }
    }

    public record EdgeTable(String type, String fromLabel, String toLabel, FileMeta file, ColumnMeta fromKey,
                            ColumnMeta toKey, List<ColumnMeta> properties) {
        public EdgeTable {
            properties = List.copyOf(properties);
        }
    }

    public long vertexRows() {
        return nodes.stream().mapToLong(n -> n.file().rows()).sum();
    }

    public long edgeRows() {
        return edges.stream().mapToLong(e -> e.file().rows()).sum();
    }

    public long totalBytes() {
        return nodes.stream().mapToLong(n -> n.file().bytes()).sum() + edges.stream().mapToLong(e -> e.file().bytes()).sum();
    }

    public NodeTable node(String label) {
        for (NodeTable n : nodes) {
            if (n.label().equals(label)) {
                return n;
            }
        }
        return null;
    }

    // ---- JSON ----

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", formatVersion);
        root.put("created_at", createdAt.toString());
        ObjectNode src = root.putObject("source");
        src.put("mapping_id", source.mappingId());
        if (source.mappingVersion() == null) {
            src.putNull("mapping_version");
        } else {
            src.put("mapping_version", source.mappingVersion());
        }
        src.put("dataset", source.dataset());
        ArrayNode nodeArray = root.putArray("nodes");
        for (NodeTable n : nodes) {
            ObjectNode o = nodeArray.addObject();
            o.put("label", n.label());
            putFile(o, n.file());
            putColumn(o.putObject("key"), n.key());
            o.put("key_identity", n.keyIdentity());
            putColumns(o.putArray("properties"), n.properties());
        }
        ArrayNode edgeArray = root.putArray("edges");
        for (EdgeTable e : edges) {
            ObjectNode o = edgeArray.addObject();
            o.put("type", e.type());
            o.put("from_label", e.fromLabel());
            o.put("to_label", e.toLabel());
            putFile(o, e.file());
            putColumn(o.putObject("from_key"), e.fromKey());
            putColumn(o.putObject("to_key"), e.toKey());
            putColumns(o.putArray("properties"), e.properties());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise manifest", e);
        }
    }

    private static void putFile(ObjectNode o, FileMeta f) {
        o.put("file", f.file());
        o.put("rows", f.rows());
        o.put("bytes", f.bytes());
        o.put("sha256", f.sha256());
    }

    private static void putColumn(ObjectNode o, ColumnMeta c) {
        o.put("name", c.name());
        o.put("type", c.type().name());
        o.put("null_count", c.nullCount());
    }

    private static void putColumns(ArrayNode array, List<ColumnMeta> columns) {
        for (ColumnMeta c : columns) {
            putColumn(array.addObject(), c);
        }
    }

    /**
     * Reads and checks {@code dir/manifest.json}.
     *
     * @throws SnapshotCorruptException naming {@code manifest.json} when it is missing, is not JSON,
     *                                  lacks a field, or is inconsistent (duplicate label, unknown
     *                                  endpoint label, file outside the directory)
     */
    public static SnapshotManifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SnapshotCorruptException(FILE_NAME, "missing in " + dir + " (not a snapshot, or not finished)");
        } catch (IOException e) {
            throw new SnapshotCorruptException(FILE_NAME, "cannot be read as JSON: " + e.getMessage(),
                    java.util.Map.of(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotCorruptException(FILE_NAME, "is empty or not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new SnapshotCorruptException(FILE_NAME, "format is '" + root.path("format").asText() + "', expected "
                    + FORMAT);
        }
        int version = required(root, "format_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new SnapshotCorruptException(FILE_NAME, "format_version " + version + " is not supported (expected "
                    + FORMAT_VERSION + ")");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(root, "created_at").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new SnapshotCorruptException(FILE_NAME, "created_at is not an ISO-8601 instant");
        }
        JsonNode src = required(root, "source");
        SnapshotSource source;
        try {
            source = new SnapshotSource(text(src, "mapping_id"),
                    src.path("mapping_version").isNumber() ? src.get("mapping_version").asInt() : null, text(src, "dataset"));
        } catch (IllegalArgumentException e) {
            throw new SnapshotCorruptException(FILE_NAME, "source: " + e.getMessage());
        }
        List<NodeTable> nodes = new ArrayList<>();
        for (JsonNode o : array(root, "nodes")) {
            nodes.add(new NodeTable(requiredText(o, "label"), file(o), column(required(o, "key")),
                    o.path("key_identity").asBoolean(false), columns(o)));
        }
        List<EdgeTable> edges = new ArrayList<>();
        for (JsonNode o : array(root, "edges")) {
            edges.add(new EdgeTable(requiredText(o, "type"), requiredText(o, "from_label"), requiredText(o, "to_label"),
                    file(o), column(required(o, "from_key")), column(required(o, "to_key")), columns(o)));
        }
        var manifest = new SnapshotManifest(version, source, createdAt, nodes, edges);
        manifest.check();
        return manifest;
    }

    private void check() {
        var labels = new HashSet<String>();
        var files = new HashSet<String>();
        for (NodeTable n : nodes) {
            if (!labels.add(n.label())) {
                throw new SnapshotCorruptException(FILE_NAME, "label " + n.label() + " appears twice");
            }
            checkFile(n.file(), files);
        }
        var types = new HashSet<String>();
        for (EdgeTable e : edges) {
            if (!types.add(e.type())) {
                throw new SnapshotCorruptException(FILE_NAME, "edge type " + e.type() + " appears twice");
            }
            for (String endpoint : List.of(e.fromLabel(), e.toLabel())) {
                NodeTable n = node(endpoint);
                if (n == null) {
                    throw new SnapshotCorruptException(FILE_NAME, "edge type " + e.type() + " refers to label " + endpoint
                            + ", which has no node table");
                }
            }
            checkKeyType(e.type(), e.fromKey(), node(e.fromLabel()));
            checkKeyType(e.type(), e.toKey(), node(e.toLabel()));
            checkFile(e.file(), files);
        }
    }

    private static void checkKeyType(String type, ColumnMeta key, NodeTable label) {
        ValueType a = key.type();
        ValueType b = label.key().type();
        boolean integral = (a.isLongBacked() || a.isIntBacked()) && (b.isLongBacked() || b.isIntBacked());
        if (a != b && !integral && !(a == ValueType.STRING && b == ValueType.UUID)) {
            throw new SnapshotCorruptException(FILE_NAME, "edge type " + type + ": key column " + key.name() + " is " + a
                    + " but label " + label.label() + " has " + b + " keys");
        }
    }

    private static void checkFile(FileMeta f, java.util.Set<String> seen) {
        if (f.file().contains("/") || f.file().contains("\\") || f.file().startsWith(".") || !seen.add(f.file())) {
            throw new SnapshotCorruptException(FILE_NAME, "file name '" + f.file() + "' is not a plain, unique file name");
        }
        if (f.rows() < 0 || f.bytes() < 0) {
            throw new SnapshotCorruptException(FILE_NAME, "negative rows or bytes for " + f.file());
        }
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new SnapshotCorruptException(FILE_NAME, "field '" + field + "' is missing");
        }
        return v;
    }

    private static String requiredText(JsonNode o, String field) {
        String s = required(o, field).asText();
        if (s.isBlank()) {
            throw new SnapshotCorruptException(FILE_NAME, "field '" + field + "' is blank");
        }
        return s;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode v = required(root, field);
        if (!v.isArray()) {
            throw new SnapshotCorruptException(FILE_NAME, "field '" + field + "' is not an array");
        }
        return v;
    }

    private static FileMeta file(JsonNode o) {
        long rows = required(o, "rows").asLong(-1);
        long bytes = required(o, "bytes").asLong(-1);
        return new FileMeta(requiredText(o, "file"), rows, bytes, requiredText(o, "sha256"));
    }

    private static ColumnMeta column(JsonNode o) {
        String name = requiredText(o, "name");
        String type = requiredText(o, "type");
        try {
            return new ColumnMeta(name, ValueType.valueOf(type), o.path("null_count").asLong(0));
        } catch (IllegalArgumentException e) {
            throw new SnapshotCorruptException(FILE_NAME, "column " + name + " has unknown type " + type);
        }
    }

    private static List<ColumnMeta> columns(JsonNode o) {
        List<ColumnMeta> list = new ArrayList<>();
        JsonNode v = o.get("properties");
        if (v != null && v.isArray()) {
            for (JsonNode c : v) {
                list.add(column(c));
            }
        }
        return list;
    }
}
