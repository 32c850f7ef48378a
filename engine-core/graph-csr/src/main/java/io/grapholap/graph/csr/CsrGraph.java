package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.VertexRef;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * The in-memory columnar graph of the CPU engine (compressed sparse rows).
 *
 * <p>Vertices are the dense ids {@code 0..vertexCount()-1}; each label owns a contiguous id range.
 * The out-adjacency of {@code v} is {@code outTargets()[outOffsets()[v] .. outOffsets()[v+1])}, the
 * in-adjacency {@code inSources()[inOffsets()[v] .. inOffsets()[v+1])}, sorted by source vertex.
 * An undirected graph stores each edge as two arcs (a self-loop as one) and its in-adjacency is the
 * same arrays as its out-adjacency, so algorithms read {@code out} as "neighbours".
 *
 * <p>Per-arc companions are optional and {@code null} when absent, so that a plain graph (one
 * label, one edge type, no properties, integer keys {@code 0..n-1}) holds nothing but offsets and
 * targets: weights (from one numeric edge property), edge type codes (only when there are several
 * types) and edge row ids (only when edges have properties; they index {@link EdgeType} property
 * columns through {@code row - rowBase}).
 *
 * <p>Arc indexes are ints: one direction holds at most {@link #MAX_ARCS} arcs (2^31 - 9, the
 * largest Java array). That is about 16 GiB of targets per direction, more than the machines this
 * engine targets hold, so the cheaper int offsets were kept.
 *
 * <p>Instances are immutable and safe to read from many threads.
 */
public final class CsrGraph {

    /** Largest number of arcs one direction can hold. */
    public static final int MAX_ARCS = Integer.MAX_VALUE - 8;

    /** Label name used when a graph is built without labels. */
    public static final String DEFAULT_LABEL = "vertex";

    /** Edge type name used when a graph is built without edge types. */
    public static final String DEFAULT_EDGE_TYPE = "edge";

    private final int vertexCount;
    private final long edgeCount;
    private final boolean directed;
    private final int[] outOffsets;
    private final int[] outTargets;
    private final int[] inOffsets;
    private final int[] inSources;
    private final String weightProperty;
    private final double[] outWeights;
    private final double[] inWeights;
    private final byte[] outTypes;
    private final byte[] inTypes;
    private final int[] outRows;
    private final int[] inRows;
    private final List<VertexLabel> labels;
    private final List<EdgeType> edgeTypes;
    private final int[] labelStarts;
    private final Map<String, double[][]> derivedWeights = new ConcurrentHashMap<>();

    private CsrGraph(Builder b) {
        this.vertexCount = b.vertexCount;
        this.directed = b.directed;
        this.outOffsets = b.outOffsets;
        this.outTargets = b.outTargets;
        this.inOffsets = b.inOffsets;
        this.inSources = b.inSources;
        this.weightProperty = b.weightProperty;
        this.outWeights = b.outWeights;
        this.inWeights = b.inWeights;
        this.outTypes = b.outTypes;
        this.inTypes = b.inTypes;
        this.outRows = b.outRows;
        this.inRows = b.inRows;
        this.labels = List.copyOf(b.labels);
        this.edgeTypes = List.copyOf(b.edgeTypes);
        this.edgeCount = b.edgeCount;
        this.labelStarts = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            labelStarts[i] = labels.get(i).start();
        }
    }

    /** A copy of {@code base} sharing every array, with {@code labels} in place of its labels. */
    private CsrGraph(CsrGraph base, List<VertexLabel> labels) {
        this.vertexCount = base.vertexCount;
        this.directed = base.directed;
        this.outOffsets = base.outOffsets;
        this.outTargets = base.outTargets;
        this.inOffsets = base.inOffsets;
        this.inSources = base.inSources;
        this.weightProperty = base.weightProperty;
        this.outWeights = base.outWeights;
        this.inWeights = base.inWeights;
        this.outTypes = base.outTypes;
        this.inTypes = base.inTypes;
        this.outRows = base.outRows;
        this.inRows = base.inRows;
        this.labels = List.copyOf(labels);
        this.edgeTypes = base.edgeTypes;
        this.edgeCount = base.edgeCount;
        this.labelStarts = base.labelStarts;
    }

    /**
     * This graph with other vertex property columns: {@code labels} must be this graph's labels in
     * order (same code, name, vertex range and keys), their property maps may differ. Adjacency,
     * weights, keys and edge types are shared, not copied, so the copy costs only the new columns.
     */
    public CsrGraph withLabels(List<VertexLabel> labels) {
        if (labels.size() != this.labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for a graph of " + this.labels.size());
        }
        for (int i = 0; i < labels.size(); i++) {
            VertexLabel now = this.labels.get(i);
            VertexLabel next = labels.get(i);
            if (next.code() != now.code() || !next.name().equals(now.name()) || next.start() != now.start()
                    || next.count() != now.count() || next.keys() != now.keys()) {
                throw new IllegalArgumentException("label " + next.name() + " is not label " + now.name() + " of this graph");
            }
        }
        return new CsrGraph(this, labels);
    }

    public static Builder builder(int vertexCount, boolean directed) {
        return new Builder(vertexCount, directed);
    }

    /**
     * A plain graph from raw out-adjacency arrays (taken over, not copied); the in-adjacency of a
     * directed graph is derived on {@code pool} ({@code null} runs on the calling thread).
     */
    public static CsrGraph fromOutAdjacency(int vertexCount, boolean directed, int[] offsets, int[] targets,
                                            ForkJoinPool pool) {
        return builder(vertexCount, directed).outAdjacency(offsets, targets).pool(pool).build();
    }

    /**
     * A small graph from an edge list {@code {{from, to}, …}} over vertices {@code 0..n-1} with
     * identity keys. An undirected graph stores each edge in both directions.
     */
    public static CsrGraph fromEdges(int vertexCount, boolean directed, int[][] edges) {
        return fromEdges(vertexCount, directed, edges, null);
    }

    /**
     * As {@link #fromEdges(int, boolean, int[][])} with one weight per edge (property {@code "weight"});
     * {@code weights} may be {@code null}.
     */
    public static CsrGraph fromEdges(int vertexCount, boolean directed, int[][] edges, double[] weights) {
        int[] src = new int[edges.length];
        int[] dst = new int[edges.length];
        for (int i = 0; i < edges.length; i++) {
            src[i] = edges[i][0];
            dst[i] = edges[i][1];
        }
        var adj = Adjacency.fromEdges(vertexCount, src, dst, !directed);
        var builder = builder(vertexCount, directed).outAdjacency(adj.offsets(), adj.targets());
        if (weights != null) {
            if (weights.length != edges.length) {
                throw new IllegalArgumentException(weights.length + " weights for " + edges.length + " edges");
            }
            double[] w = new double[adj.targets().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = weights[adj.edgeIndex()[i]];
            }
            builder.weights("weight", w);
        }
        return builder.edgeCount(edges.length).build();
    }

    // ---- sizes ----

    public int vertexCount() {
        return vertexCount;
    }

    /** Number of edges (an undirected edge counts once). */
    public long edgeCount() {
        return edgeCount;
    }

    /** Number of stored out-arcs (an undirected edge counts twice, a self-loop once). */
    public int arcCount() {
        return outTargets.length;
    }

    public boolean isDirected() {
        return directed;
    }

    // ---- adjacency: raw arrays for hot loops, and small inlinable accessors ----

    public int[] outOffsets() {
        return outOffsets;
    }

    public int[] outTargets() {
        return outTargets;
    }

    public int[] inOffsets() {
        return inOffsets;
    }

    public int[] inSources() {
        return inSources;
    }

    public int outStart(int v) {
        return outOffsets[v];
    }

    public int outEnd(int v) {
        return outOffsets[v + 1];
    }

    public int outDegree(int v) {
        return outOffsets[v + 1] - outOffsets[v];
    }

    public int outTarget(int arc) {
        return outTargets[arc];
    }

    public int inStart(int v) {
        return inOffsets[v];
    }

    public int inEnd(int v) {
        return inOffsets[v + 1];
    }

    public int inDegree(int v) {
        return inOffsets[v + 1] - inOffsets[v];
    }

    public int inSource(int arc) {
        return inSources[arc];
    }

    // ---- weights ----

    public boolean hasWeights() {
        return outWeights != null;
    }

    /** Name of the edge property the weights came from, or {@code null}. */
    public String weightProperty() {
        return weightProperty;
    }

    /** Per out-arc weights, or {@code null}. */
    public double[] outWeights() {
        return outWeights;
    }

    /** Per in-arc weights, or {@code null}. */
    public double[] inWeights() {
        return inWeights;
    }

    /**
     * Per out-arc weights read from the numeric edge property {@code property}: the loaded weights
     * when it is the weight property, otherwise derived once from the edge property columns and
     * cached. Edges of a type without that property, and null values, get {@code defaultWeight}.
     *
     * @throws ValidationException (field {@code weight}) when no edge type has a numeric property
     *                             of that name
     */
    public double[] outWeights(String property, double defaultWeight) {
        if (property.equals(weightProperty) && outWeights != null) {
            return outWeights;
        }
        return derivedWeights.computeIfAbsent(property + "\u0000" + defaultWeight,
                k -> new double[][] {deriveWeights(property, defaultWeight, outRows)})[0];
    }

    private double[] deriveWeights(String property, double defaultWeight, int[] rows) {
        Column[] byType = new Column[edgeTypes.size()];
        boolean any = false;
        for (EdgeType t : edgeTypes) {
            Column c = t.properties().get(property);
            if (c != null) {
                if (!(c instanceof Column.Float64 || c instanceof Column.Float32 || c instanceof Column.Int64
                        || c instanceof Column.Int32)) {
                    throw new ValidationException("weight", "edge property '" + property + "' of type " + t.name()
                            + " is " + c.type() + ", not numeric");
                }
                byType[t.code()] = c;
                any = true;
            }
        }
        if (!any || rows == null) {
            throw new ValidationException("weight", "no edge property named '" + property + "'");
        }
        double[] w = new double[rows.length];
        for (int arc = 0; arc < rows.length; arc++) {
            int type = outTypes == null ? 0 : outTypes[arc];
            Column c = byType[type];
            int local = (int) (rows[arc] - edgeTypes.get(type).rowBase());
            w[arc] = c == null || c.isNull(local) ? defaultWeight : numeric(c, local);
        }
        return w;
    }

    private static double numeric(Column c, int row) {
        return switch (c) {
            case Column.Float64 d -> d.values()[row];
            case Column.Float32 f -> f.values()[row];
            case Column.Int64 l -> l.values()[row];
            case Column.Int32 i -> i.values()[row];
            default -> throw new IllegalStateException("not numeric: " + c.type());
        };
    }

    // ---- edge types and edge rows ----

    public List<EdgeType> edgeTypes() {
        return edgeTypes;
    }

    /** Per out-arc edge type codes, or {@code null} when the graph has one edge type (code 0). */
    public byte[] outEdgeTypeCodes() {
        return outTypes;
    }

    /** Per in-arc edge type codes, or {@code null} when the graph has one edge type. */
    public byte[] inEdgeTypeCodes() {
        return inTypes;
    }

    public int outEdgeType(int arc) {
        return outTypes == null ? 0 : outTypes[arc];
    }

    public int inEdgeType(int arc) {
        return inTypes == null ? 0 : inTypes[arc];
    }

    /** Per out-arc global edge row ids, or {@code null} when edges carry no properties. */
    public int[] outEdgeRows() {
        return outRows;
    }

    /** Per in-arc global edge row ids, or {@code null} when edges carry no properties. */
    public int[] inEdgeRows() {
        return inRows;
    }

    public EdgeType edgeType(String name) {
        for (EdgeType t : edgeTypes) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    // ---- labels and keys ----

    public List<VertexLabel> labels() {
        return labels;
    }

    public VertexLabel label(String name) {
        for (VertexLabel l : labels) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** Label code of vertex {@code v} (index into {@link #labels()}). */
    public int vertexLabel(int v) {
        if (labelStarts.length == 1) {
            return 0;
        }
        int lo = 0;
        int hi = labelStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (labelStarts[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The original key of vertex {@code v}. */
    public Object vertexKey(int v) {
        VertexLabel l = labels.get(vertexLabel(v));
        return l.keys().key(v - l.start());
    }

    /** Dense id of the vertex with {@code key} in label {@code label}, or {@code -1}. */
    public int vertexId(String label, Object key) {
        VertexLabel l = label(label);
        if (l == null) {
            return -1;
        }
        int local = l.keys().localId(key);
        return local < 0 ? -1 : l.start() + local;
    }

    /** The label name of vertex {@code v}. */
    public String vertexLabelName(int v) {
        return labels.get(vertexLabel(v)).name();
    }

    /** The identity {@code "Label:key"} of vertex {@code v} (docs/identity.md). */
    public String vertexIdentity(int v) {
        VertexLabel l = labels.get(vertexLabel(v));
        return VertexRef.identity(l.name(), l.keys().key(v - l.start()));
    }

    /** The identities of all vertices in dense-id order, made when a row is read. */
    public Column identityColumn() {
        return new Column.OfVertices(this::vertexIdentity, null, vertexCount);
    }

    /** The label names of all vertices in dense-id order, made when a row is read. */
    public Column labelColumn() {
        return new Column.OfVertices(this::vertexLabelName, null, vertexCount);
    }

    /**
     * The vertex a reference names, by the rule of docs/identity.md: a {@link VertexRef}, else the
     * identity {@code "Label:key"} of a vertex, else a bare key that exactly one label holds. A bare
     * key that several labels hold is {@link Found#ambiguous()}, naming them.
     */
    public Found find(Object ref) {
        if (ref instanceof VertexRef r) {
            return Found.of(vertexId(r.label(), r.key()));
        }
        if (ref instanceof String s) {
            int found = -1;
            List<String> held = new ArrayList<>();
            for (VertexLabel l : labels) {
                String name = l.name();
                if (s.length() > name.length() && s.startsWith(name) && s.charAt(name.length()) == VertexRef.SEPARATOR) {
                    int local = l.keys().localId(s.substring(name.length() + 1));
                    if (local >= 0) {
                        found = l.start() + local;
                        held.add(name);
                    }
                }
            }
            if (held.size() == 1) {
                return Found.of(found);
            }
            if (held.size() > 1) {
                return new Found(-1, held);
            }
        }
        int found = -1;
        List<String> held = new ArrayList<>();
        for (VertexLabel l : labels) {
            int local = l.keys().localId(ref);
            if (local >= 0) {
                found = l.start() + local;
                held.add(l.name());
            }
        }
        return held.size() > 1 ? new Found(-1, held) : Found.of(found);
    }

    /** Dense id of the vertex {@code ref} names ({@link #find}), or {@code -1} when none or several. */
    public int vertexId(Object ref) {
        return find(ref).vertex();
    }

    /**
     * What {@link #find} found: {@code vertex} (-1 when none), and the labels holding the reference
     * when it named vertices of several labels (then {@code vertex} is -1).
     */
    public record Found(int vertex, List<String> ambiguous) {
        public Found {
            ambiguous = List.copyOf(ambiguous);
        }

        static Found of(int vertex) {
            return new Found(vertex, List.of());
        }

        public boolean isAmbiguous() {
            return !ambiguous.isEmpty();
        }
    }

    /** Whether every vertex key is the dense id itself (single label, identity keys). */
    public boolean hasIdentityKeys() {
        return labels.size() == 1 && labels.get(0).keys() instanceof VertexKeys.Identity;
    }

    /** The original keys of all vertices in dense-id order, as one column (for results). */
    public Column keyColumn() {
        if (labels.size() == 1) {
            return labels.get(0).keys().asColumn();
        }
        ValueType common = labels.get(0).keys().type();
        for (VertexLabel l : labels) {
            if (l.keys().type() != common) {
                common = null;
                break;
            }
        }
        if (common != null && (common.isLongBacked() || common.isIntBacked())) {
            long[] values = new long[vertexCount];
            for (VertexLabel l : labels) {
                for (int i = 0; i < l.count(); i++) {
                    values[l.start() + i] = ((Number) l.keys().key(i)).longValue();
                }
            }
            return common.isLongBacked() ? new Column.Int64(common, values, null) : Column.ofLongs(values);
        }
        Object[] values = new Object[vertexCount];
        for (VertexLabel l : labels) {
            for (int i = 0; i < l.count(); i++) {
                values[l.start() + i] = l.keys().key(i);
            }
        }
        return Column.ofObjects(common == null ? ValueType.STRING : common, values);
    }

    /** Property column {@code name} of label {@code label}, or {@code null}. */
    public Column vertexProperty(String label, String name) {
        VertexLabel l = label(label);
        return l == null ? null : l.properties().get(name);
    }

    /** Property column {@code name} of edge type {@code type}, or {@code null}. */
    public Column edgeProperty(String type, String name) {
        EdgeType t = edgeType(type);
        return t == null ? null : t.properties().get(name);
    }

    /** Vertices per label, edges per type, the direction and the bytes held, as an instance reports them. */
    public GraphStatistics statistics() {
        Map<String, Long> perLabel = new LinkedHashMap<>();
        for (VertexLabel l : labels()) {
            perLabel.put(l.name(), (long) l.count());
        }
        Map<String, Long> perType = new LinkedHashMap<>();
        for (EdgeType t : edgeTypes()) {
            perType.put(t.name(), t.count());
        }
        return new GraphStatistics(vertexCount(), edgeCount(), isDirected(), perLabel, perType, bytesHeld(), 0);
    }

    // ---- memory ----

    /** Bytes held by all arrays, key indexes and property columns of this graph. */
    public long bytesHeld() {
        long bytes = 4L * outOffsets.length + 4L * outTargets.length;
        if (inOffsets != outOffsets) {
            bytes += 4L * inOffsets.length;
        }
        if (inSources != outTargets) {
            bytes += 4L * inSources.length;
        }
        bytes += arrayBytes(outWeights) + (inWeights == outWeights ? 0 : arrayBytes(inWeights));
        bytes += outTypes == null ? 0 : outTypes.length;
        bytes += inTypes == null || inTypes == outTypes ? 0 : inTypes.length;
        bytes += outRows == null ? 0 : 4L * outRows.length;
        bytes += inRows == null || inRows == outRows ? 0 : 4L * inRows.length;
        for (VertexLabel l : labels) {
            bytes += l.bytes();
        }
        for (EdgeType t : edgeTypes) {
            bytes += t.bytes();
        }
        return bytes;
    }

    private static long arrayBytes(double[] a) {
        return a == null ? 0 : 8L * a.length;
    }

    @Override
    public String toString() {
        return "CsrGraph[" + (directed ? "directed" : "undirected") + ", vertices=" + vertexCount + ", edges="
                + edgeCount + ", arcs=" + outTargets.length + ", labels=" + labels.size() + ", types="
                + edgeTypes.size() + (outWeights != null ? ", weights=" + weightProperty : "") + "]";
    }

    /**
     * Assembles a graph from raw arrays, which are taken over without copying. Only the
     * out-adjacency is required; the in-adjacency (and in-companions) of a directed graph are derived
     * in parallel when not given, labels default to one label with identity keys, edge types to one
     * type. {@link #build()} checks array sizes and vertex ranges in parallel.
     */
    public static final class Builder {
        private final int vertexCount;
        private final boolean directed;
        private int[] outOffsets;
        private int[] outTargets;
        private int[] inOffsets;
        private int[] inSources;
        private String weightProperty;
        private double[] outWeights;
        private double[] inWeights;
        private byte[] outTypes;
        private byte[] inTypes;
        private int[] outRows;
        private int[] inRows;
        private List<VertexLabel> labels;
        private List<EdgeType> edgeTypes;
        private long edgeCount = -1;
        private ForkJoinPool pool;
        private boolean validate = true;

        private Builder(int vertexCount, boolean directed) {
            if (vertexCount < 0) {
                throw new IllegalArgumentException("vertexCount must be >= 0: " + vertexCount);
            }
            this.vertexCount = vertexCount;
            this.directed = directed;
        }

        public Builder outAdjacency(int[] offsets, int[] targets) {
            this.outOffsets = offsets;
            this.outTargets = targets;
            return this;
        }

        /** In-adjacency of a directed graph, when the caller already has it (sorted by source). */
        public Builder inAdjacency(int[] offsets, int[] sources) {
            this.inOffsets = offsets;
            this.inSources = sources;
            return this;
        }

        public Builder weights(String property, double[] outWeights) {
            this.weightProperty = Objects.requireNonNull(property, "property");
            this.outWeights = outWeights;
            return this;
        }

        /** In-arc weights matching a given in-adjacency. */
        public Builder inWeights(double[] inWeights) {
            this.inWeights = inWeights;
            return this;
        }

        /** Per-arc edge type codes; leave unset when there is one edge type. */
        public Builder edgeTypeCodes(byte[] out, byte[] in) {
            this.outTypes = out;
            this.inTypes = in;
            return this;
        }

        /** Per-arc global edge row ids; leave unset when edges carry no properties. */
        public Builder edgeRows(int[] out, int[] in) {
            this.outRows = out;
            this.inRows = in;
            return this;
        }

        public Builder labels(List<VertexLabel> labels) {
            this.labels = labels;
            return this;
        }

        public Builder edgeTypes(List<EdgeType> edgeTypes) {
            this.edgeTypes = edgeTypes;
            return this;
        }

        /** Number of edges; computed from the arcs when not given. */
        public Builder edgeCount(long edgeCount) {
            this.edgeCount = edgeCount;
            return this;
        }

        /**
         * Skips the pass that checks offsets and vertex ranges, for producers that guarantee them
         * (the snapshot loader, the bench generators). Array lengths are still checked.
         */
        public Builder trusted() {
            this.validate = false;
            return this;
        }

        /** Pool for the parallel steps of {@link #build()}; {@code null} runs them inline. */
        public Builder pool(ForkJoinPool pool) {
            this.pool = pool;
            return this;
        }

        public CsrGraph build() {
            if (outOffsets == null || outTargets == null) {
                throw new IllegalStateException("out-adjacency is required");
            }
            checkAdjacency("out", outOffsets, outTargets);
            int arcs = outTargets.length;
            checkLength("out weights", outWeights, arcs);
            checkLength("out edge types", outTypes, arcs);
            checkLength("out edge rows", outRows, arcs);
            if (!directed) {
                inOffsets = outOffsets;
                inSources = outTargets;
                inWeights = outWeights;
                inTypes = outTypes;
                inRows = outRows;
            } else if (inOffsets == null) {
                var rev = Adjacency.reverse(vertexCount, outOffsets, outTargets, outWeights, outTypes, outRows, pool);
                inOffsets = rev.offsets();
                inSources = rev.sources();
                inWeights = rev.weights();
                inTypes = rev.types();
                inRows = rev.rows();
            } else {
                checkAdjacency("in", inOffsets, inSources);
                if (inSources.length != arcs) {
                    throw new IllegalArgumentException("in-adjacency has " + inSources.length + " arcs, out has " + arcs);
                }
                checkLength("in weights", inWeights, arcs);
                checkLength("in edge types", inTypes, arcs);
                checkLength("in edge rows", inRows, arcs);
                if ((outWeights == null) != (inWeights == null) || (outTypes == null) != (inTypes == null)
                        || (outRows == null) != (inRows == null)) {
                    throw new IllegalArgumentException("in- and out-companions must be given together");
                }
            }
            if (labels == null) {
                labels = List.of(new VertexLabel(0, DEFAULT_LABEL, 0, vertexCount,
                        new VertexKeys.Identity(vertexCount, ValueType.INT64), Map.of()));
            }
            checkLabels();
            if (edgeTypes == null) {
                long count = edgeCount >= 0 ? edgeCount : countEdges();
                edgeTypes = List.of(new EdgeType(0, DEFAULT_EDGE_TYPE, labels.get(0).name(), labels.get(0).name(), 0,
                        count, Map.of()));
            }
            if (edgeTypes.size() > 1 && outTypes == null) {
                throw new IllegalArgumentException(edgeTypes.size() + " edge types need per-arc type codes");
            }
            if (edgeTypes.size() > Byte.MAX_VALUE + 1) {
                throw new IllegalArgumentException("at most 128 edge types, got " + edgeTypes.size());
            }
            if (edgeCount < 0) {
                edgeCount = countEdges();
            }
            return new CsrGraph(this);
        }

        private long countEdges() {
            if (directed) {
                return outTargets.length;
            }
            long[] selfLoops = new long[1];
            Parallel.forRange(pool, 0, vertexCount, 1 << 14, (a, b) -> {
                long loops = 0;
                for (int v = a; v < b; v++) {
                    for (int i = outOffsets[v], e = outOffsets[v + 1]; i < e; i++) {
                        if (outTargets[i] == v) {
                            loops++;
                        }
                    }
                }
                synchronized (selfLoops) {
                    selfLoops[0] += loops;
                }
            });
            return (outTargets.length - selfLoops[0]) / 2 + selfLoops[0];
        }

        private void checkLabels() {
            int next = 0;
            var names = new ArrayList<String>();
            for (int i = 0; i < labels.size(); i++) {
                VertexLabel l = labels.get(i);
                if (l.code() != i || l.start() != next) {
                    throw new IllegalArgumentException("label " + l.name() + " must have code " + i + " and start " + next);
                }
                if (names.contains(l.name())) {
                    throw new IllegalArgumentException("label " + l.name() + " appears twice");
                }
                names.add(l.name());
                next = l.end();
            }
            if (next != vertexCount) {
                throw new IllegalArgumentException("labels cover " + next + " vertices, graph has " + vertexCount);
            }
            if (labels.isEmpty() && vertexCount > 0) {
                throw new IllegalArgumentException("at least one label is needed");
            }
        }

        private void checkAdjacency(String direction, int[] offsets, int[] targets) {
            if (offsets.length != vertexCount + 1) {
                throw new IllegalArgumentException(direction + " offsets have length " + offsets.length + ", expected "
                        + (vertexCount + 1));
            }
            if (offsets[0] != 0 || offsets[vertexCount] != targets.length) {
                throw new IllegalArgumentException(direction + " offsets must run from 0 to " + targets.length);
            }
            if (!validate) {
                return;
            }
            int n = vertexCount;
            Parallel.forRange(pool, 0, n, 1 << 14, (a, b) -> {
                for (int v = a; v < b; v++) {
                    int start = offsets[v];
                    int end = offsets[v + 1];
                    if (end < start) {
                        throw new IllegalArgumentException(direction + " offsets decrease at vertex " + v);
                    }
                    for (int i = start; i < end; i++) {
                        int t = targets[i];
                        if (t < 0 || t >= n) {
                            throw new IllegalArgumentException(direction + " arc " + i + " of vertex " + v
                                    + " points to " + t + ", outside 0.." + (n - 1));
                        }
                    }
                }
            });
        }

        private static void checkLength(String what, Object array, int arcs) {
            if (array != null && java.lang.reflect.Array.getLength(array) != arcs) {
                throw new IllegalArgumentException(what + " have length " + java.lang.reflect.Array.getLength(array)
                        + ", expected " + arcs);
            }
        }
    }
}
