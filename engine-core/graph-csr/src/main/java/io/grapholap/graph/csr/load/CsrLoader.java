package io.grapholap.graph.csr.load;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.Adjacency;
import io.grapholap.graph.csr.ArcScatter;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.Parallel;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;
import io.grapholap.snapshot.arrow.SnapshotFiles;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Loads a snapshot into a {@link CsrGraph}.
 *
 * <ol>
 *   <li>Manifest read and checked; file sizes (and SHA-256 when asked) verified in parallel.</li>
 *   <li>Node tables, label by label: keys become dense ids {@code start..start+rows-1} (identity
 *       keys keep nothing), properties become columns.</li>
 *   <li>Edge tables in two streaming passes over their record batches, split into contiguous runs
 *       of batches, one per worker: pass one maps endpoint keys and counts out-degrees into the
 *       worker's own counter array; pass two maps them again and writes every arc straight into its
 *       final place. No edge list is ever materialised, and arcs of a vertex keep file order, so the
 *       result does not depend on the number of threads.</li>
 *   <li>The in-adjacency of a directed graph is derived from the out-adjacency in parallel.</li>
 * </ol>
 *
 * An edge file holding nothing but two integer key columns without nulls is memory-mapped once and
 * its key columns are read in place ({@link MappedEndpoints}): no batch is copied, and pass one
 * touches only the source column. Other files are read batch by batch through Arrow, every worker
 * with its own reader and child allocator, closed when it is done. Either way the mapping and the
 * readers are released when the load ends.
 */
public final class CsrLoader {

    /** Upper bound on the per-worker degree counters (bytes); fewer workers are used beyond it. */
    static final long COUNTER_BUDGET_BYTES = 512L << 20;

    private final BufferAllocator allocator;
    private final ProgressListener progress;
    private final CancellationToken cancel;

    /** A loader on {@code allocator}; a null {@code progress} reports nowhere, a null {@code cancel} is never cancelled. */
    public CsrLoader(BufferAllocator allocator, ProgressListener progress, CancellationToken cancel) {
        this.allocator = allocator;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancel = cancel == null ? CancellationToken.create() : cancel;
    }

    /** Workers used for the edge passes of a graph with {@code vertices} vertices. */
    static int edgeWorkers(int parallelism, long vertices) {
        return (int) Math.max(1, Math.min(parallelism, COUNTER_BUDGET_BYTES / (4L * Math.max(1, vertices))));
    }

    /** Loads on a pool of its own, of {@code options.parallelism()} threads, closed when the load ends (tools and tests). */
    public CsrGraph load(Path dir, LoadOptions options) {
        ForkJoinPool pool = new ForkJoinPool(options.parallelism());
        try {
            return load(dir, options, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Loads into the instance {@code holder} makes of the graph and a new {@link ComputePool} of
     * {@code options.parallelism()} threads named after {@code owner}, on which the load runs and
     * which the instance then owns; the pool is closed when the load or the instance fails.
     */
    public <T> T loadOwning(Path dir, LoadOptions options, String owner, BiFunction<CsrGraph, ComputePool, T> holder) {
        ComputePool threads = ComputePool.create(owner, options.parallelism());
        try {
            return holder.apply(load(dir, options, threads.loops()), threads);
        } catch (RuntimeException | Error e) {
            threads.close();
            throw e;
        }
    }

    /** Loads on {@code pool}, the threads of the instance that will hold the graph. */
    public CsrGraph load(Path dir, LoadOptions options, ForkJoinPool pool) {
        SnapshotManifest manifest = SnapshotManifest.read(dir);
        try (BufferAllocator jobAllocator = allocator.newChildAllocator("load-" + dir.getFileName(), 0, Long.MAX_VALUE)) {
            progress.progress("verify", 0.0, "checking " + (manifest.nodes().size() + manifest.edges().size()) + " files");
            SnapshotFiles.verify(dir, manifest, options.verifyChecksums(), pool, cancel);
            cancel.throwIfCancelled("snapshot load");
            try (Arena mappings = Arena.ofShared()) {
                return new Job(dir, manifest, options, pool, jobAllocator, mappings).run();
            }
        }
    }

    /**
     * The vertex identity of a snapshot alone, for an engine whose arcs live elsewhere (Spark): the node
     * tables' keys numbered exactly as {@link #load} numbers them (labels in manifest order, rows in file
     * order), no vertex properties, no arcs (every vertex has degree 0) and the edge types with their
     * row counts but no properties. Node files are checked (size always, SHA-256 when asked); edge files
     * are neither read nor checked here.
     */
    public CsrGraph loadIdentity(Path dir, LoadOptions options) {
        SnapshotManifest manifest = SnapshotManifest.read(dir);
        SnapshotManifest nodesOnly = new SnapshotManifest(manifest.formatVersion(), manifest.source(),
                manifest.createdAt(), manifest.nodes(), List.of());
        ForkJoinPool pool = new ForkJoinPool(options.parallelism());
        try (BufferAllocator jobAllocator = allocator.newChildAllocator("identity-" + dir.getFileName(), 0, Long.MAX_VALUE)) {
            progress.progress("verify", 0.0, "checking " + manifest.nodes().size() + " node files");
            SnapshotFiles.verify(dir, nodesOnly, options.verifyChecksums(), pool, cancel);
            cancel.throwIfCancelled("snapshot load");
            try (Arena mappings = Arena.ofShared()) {
                Job job = new Job(dir, manifest, options, pool, jobAllocator, mappings);
                job.keysOnly = true;
                return job.identity();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The node table of {@code label} read from its file now, for an instance that holds only the
     * identity ({@link #loadIdentity}): columns {@code id}, {@code key}, then the properties. The table
     * is the caller's (held for as long as it keeps it).
     *
     * @throws NotFoundException when the snapshot has no such label
     */
    public Table nodeTable(Path dir, SnapshotManifest manifest, CsrGraph identity, String label) {
        SnapshotManifest.NodeTable table = manifest.nodes().stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new NotFoundException("label", label));
        VertexLabel l = identity.label(label);
        List<SnapshotManifest.ColumnMeta> columns = new ArrayList<>();
        columns.add(table.key());
        columns.addAll(table.properties());
        List<ColumnBuilder> props = builders(table.properties(), l.count());
        readTable(dir, table.file(), columns, (root, rows, first) -> copy(props, root, 1, rows, first));
        Map<String, Column> out = new LinkedHashMap<>();
        int start = l.start();
        out.put("id", new Column.OfVertices(local -> identity.vertexIdentity(start + local), null, l.count()));
        out.put("key", l.keys().asColumn());
        for (int c = 0; c < props.size(); c++) {
            out.put(table.properties().get(c).name(), props.get(c).build());
        }
        return Table.of(label, out);
    }

    /**
     * The edge table of {@code type} read from its file now, its endpoint keys resolved through
     * {@code identity}: columns {@code from} and {@code to} (identities), then the properties, in file order.
     *
     * @throws NotFoundException when the snapshot has no such edge type
     */
    public Table edgeTable(Path dir, SnapshotManifest manifest, CsrGraph identity, String type) {
        SnapshotManifest.EdgeTable table = manifest.edges().stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new NotFoundException("edge type", type));
        int rows = Math.toIntExact(table.file().rows());
        String file = table.file().file();
        EndpointResolver fromKeys = new EndpointResolver(file, table.fromKey().name(), table.fromKey().type(),
                identity.label(table.fromLabel()));
        EndpointResolver toKeys = new EndpointResolver(file, table.toKey().name(), table.toKey().type(),
                identity.label(table.toLabel()));
        int[] from = new int[rows];
        int[] to = new int[rows];
        List<ColumnBuilder> props = builders(table.properties(), rows);
        int[] batch = {0};
        readTable(dir, table.file(), edgeColumns(table), (root, count, first) -> {
            int[] ids = new int[count];
            fromKeys.resolve(root.getVector(0), count, batch[0], first, ids);
            System.arraycopy(ids, 0, from, first, count);
            toKeys.resolve(root.getVector(1), count, batch[0], first, ids);
            System.arraycopy(ids, 0, to, first, count);
            copy(props, root, 2, count, first);
            batch[0]++;
        });
        Map<String, Column> out = new LinkedHashMap<>();
        out.put("from", new Column.OfVertices(identity::vertexIdentity, from, rows));
        out.put("to", new Column.OfVertices(identity::vertexIdentity, to, rows));
        for (int c = 0; c < props.size(); c++) {
            out.put(table.properties().get(c).name(), props.get(c).build());
        }
        return Table.of(type, out);
    }

    private static List<ColumnBuilder> builders(List<SnapshotManifest.ColumnMeta> columns, int rows) {
        List<ColumnBuilder> out = new ArrayList<>();
        for (SnapshotManifest.ColumnMeta c : columns) {
            out.add(new ColumnBuilder(c.type(), rows));
        }
        return out;
    }

    private static void copy(List<ColumnBuilder> props, VectorSchemaRoot root, int firstColumn, int rows, int offset) {
        for (int c = 0; c < props.size(); c++) {
            props.get(c).copy(root.getVector(c + firstColumn), rows, offset);
        }
    }

    @FunctionalInterface
    private interface TableBatch {
        void batch(VectorSchemaRoot root, int rows, int firstRow);
    }

    /** Reads {@code file} batch by batch (its schema and rows checked against the manifest). */
    private void readTable(Path dir, SnapshotManifest.FileMeta file, List<SnapshotManifest.ColumnMeta> columns,
                           TableBatch body) {
        long read = 0;
        try (BufferAllocator tableAllocator = allocator.newChildAllocator("table-" + file.file(), 0, Long.MAX_VALUE);
             ArrowFileReader reader = SnapshotFiles.open(dir, file.file(), columns, tableAllocator)) {
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                int count = root.getRowCount();
                if (read + count > file.rows()) {
                    throw rowMismatch(file.file(), read + count, file.rows());
                }
                body.batch(root, count, (int) read);
                read += count;
                cancel.throwIfCancelled("reading " + file.file());
            }
        } catch (IOException e) {
            throw new SnapshotCorruptException(file.file(), "cannot be read: " + e.getMessage(), Map.of(), e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw new SnapshotCorruptException(file.file(), "is corrupt: " + e.getMessage(), Map.of(), e);
        }
        if (read != file.rows()) {
            throw rowMismatch(file.file(), read, file.rows());
        }
    }

    private record Unit(int table, ArrowBlock block) {
    }

    private final class Job {
        private final Path dir;
        private final SnapshotManifest manifest;
        private final LoadOptions options;
        private final ForkJoinPool pool;
        private final BufferAllocator allocator;
        private final Arena mappings;
        /** Per edge table, its key columns read in place, or {@code null} where it is read through Arrow. */
        private MappedEndpoints[] mapped;
        private final List<VertexLabel> labels = new ArrayList<>();
        private final Map<String, VertexLabel> labelsByName = new HashMap<>();
        private int vertexCount;
        /** Set when a worker fails, so the others stop at their next batch. */
        private volatile boolean failed;
        /** Vertex keys only: node properties are not kept. */
        private boolean keysOnly;

        Job(Path dir, SnapshotManifest manifest, LoadOptions options, ForkJoinPool pool, BufferAllocator allocator,
            Arena mappings) {
            this.dir = dir;
            this.manifest = manifest;
            this.options = options;
            this.pool = pool;
            this.allocator = allocator;
            this.mappings = mappings;
        }

        CsrGraph run() {
            long total = manifest.vertexRows();
            if (total > CsrGraph.MAX_ARCS) {
                throw new ValidationException("snapshot", "snapshot has " + total + " vertices; the CPU engine holds at most "
                        + CsrGraph.MAX_ARCS);
            }
            for (SnapshotManifest.NodeTable table : manifest.nodes()) {
                loadNodes(table);
                cancel.throwIfCancelled("snapshot load");
            }
            progress.progress("nodes", 0.2, vertexCount + " vertices");
            return loadEdges();
        }

        CsrGraph identity() {
            for (SnapshotManifest.NodeTable table : manifest.nodes()) {
                loadNodes(table);
                cancel.throwIfCancelled("snapshot load");
            }
            int n = vertexCount;
            int[] offsets = new int[n + 1];
            List<SnapshotManifest.EdgeTable> tables = manifest.edges();
            List<EdgeType> edgeTypes = new ArrayList<>();
            long rowBase = 0;
            for (int t = 0; t < tables.size(); t++) {
                SnapshotManifest.EdgeTable table = tables.get(t);
                edgeTypes.add(new EdgeType(t, table.type(), table.fromLabel(), table.toLabel(), rowBase, table.file().rows(),
                        Map.of()));
                rowBase += table.file().rows();
            }
            var builder = CsrGraph.builder(n, options.directed())
                    .outAdjacency(offsets, new int[0])
                    .labels(labels)
                    .edgeTypes(edgeTypes.isEmpty() ? defaultEdgeTypes() : edgeTypes)
                    .edgeCount(rowBase)
                    .trusted();
            if (options.directed()) {
                builder.inAdjacency(offsets, new int[0]);
            }
            if (edgeTypes.size() > 1) {
                builder.edgeTypeCodes(new byte[0], new byte[0]);
            }
            CsrGraph graph = builder.build();
            progress.progress("done", 1.0, n + " vertex keys");
            return graph;
        }

        private void loadNodes(SnapshotManifest.NodeTable table) {
            String file = table.file().file();
            List<SnapshotManifest.ColumnMeta> columns = new ArrayList<>();
            columns.add(table.key());
            columns.addAll(table.properties());
            int rows = (int) table.file().rows();
            ValueType keyType = table.key().type();
            boolean integerKeys = keyType.isLongBacked() || keyType.isIntBacked();
            ColumnBuilder keys = new ColumnBuilder(keyType, rows);
            List<ColumnBuilder> props = new ArrayList<>();
            for (SnapshotManifest.ColumnMeta c : keysOnly ? List.<SnapshotManifest.ColumnMeta>of() : table.properties()) {
                props.add(new ColumnBuilder(c.type(), rows));
            }
            long read = 0;
            try (ArrowFileReader reader = SnapshotFiles.open(dir, file, columns, allocator)) {
                for (ArrowBlock block : reader.getRecordBlocks()) {
                    reader.loadRecordBatch(block);
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    int count = root.getRowCount();
                    if (read + count > rows) {
                        throw rowMismatch(file, read + count, rows);
                    }
                    FieldVector keyVector = root.getVector(0);
                    if (keyVector.getNullCount() > 0) {
                        throw new SnapshotCorruptException(file, "has a null vertex key near row " + read);
                    }
                    keys.copy(keyVector, count, (int) read);
                    for (int c = 0; c < props.size(); c++) {
                        props.get(c).copy(root.getVector(c + 1), count, (int) read);
                    }
                    read += count;
                    cancel.throwIfCancelled("snapshot load");
                }
            } catch (IOException e) {
                throw new SnapshotCorruptException(file, "cannot be read: " + e.getMessage(), Map.of(), e);
            } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
                throw new SnapshotCorruptException(file, "is corrupt: " + e.getMessage(), Map.of(), e);
            }
            if (read != rows) {
                throw rowMismatch(file, read, rows);
            }
            VertexKeys vertexKeys;
            try {
                if (integerKeys) {
                    long[] values = keys.longs();
                    if (values == null) {
                        int[] ints = keys.ints();
                        values = new long[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = ints[i];
                        }
                    }
                    vertexKeys = VertexKeys.ofLongs(keyType, values);
                } else {
                    Object[] values = keys.objects();
                    if (values == null) {
                        Column c = keys.build();
                        values = new Object[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = c.get(i);
                        }
                    }
                    vertexKeys = VertexKeys.ofObjects(keyType, values);
                }
            } catch (VertexKeys.DuplicateKeyException e) {
                throw new SnapshotCorruptException(file, "duplicate vertex key " + e.key() + " at row " + e.row(),
                        Map.of("key", String.valueOf(e.key()), "row", e.row()), null);
            }
            Map<String, Column> properties = new LinkedHashMap<>();
            for (int c = 0; c < props.size(); c++) {
                properties.put(table.properties().get(c).name(), props.get(c).build());
            }
            VertexLabel label = new VertexLabel(labels.size(), table.label(), vertexCount, rows, vertexKeys, properties);
            labels.add(label);
            labelsByName.put(label.name(), label);
            vertexCount += rows;
        }

        private CsrGraph loadEdges() {
            List<SnapshotManifest.EdgeTable> tables = manifest.edges();
            int n = vertexCount;
            boolean directed = options.directed();
            String weightName = options.weightProperty();
            int[] weightColumn = new int[tables.size()];
            boolean anyWeight = false;
            boolean anyProperties = false;
            long totalRows = 0;
            long[] rowBase = new long[tables.size()];
            List<Unit> units = new ArrayList<>();
            List<long[]> unitRowsPerTable = new ArrayList<>();
            List<List<ArrowBlock>> blocksPerTable = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                SnapshotManifest.EdgeTable table = tables.get(t);
                weightColumn[t] = -1;
                for (int c = 0; c < table.properties().size(); c++) {
                    SnapshotManifest.ColumnMeta p = table.properties().get(c);
                    if (p.name().equals(weightName)) {
                        ValueType type = p.type();
                        if (!(type == ValueType.DOUBLE || type == ValueType.FLOAT || type == ValueType.INT64
                                || type == ValueType.INT32)) {
                            throw new ValidationException("weight", "edge property '" + weightName + "' of type "
                                    + table.type() + " is " + type + ", not numeric");
                        }
                        weightColumn[t] = c + 2;
                        anyWeight = true;
                    }
                }
                anyProperties |= !table.properties().isEmpty();
                rowBase[t] = totalRows;
                totalRows += table.file().rows();
                try (ArrowFileReader reader = SnapshotFiles.open(dir, table.file().file(), edgeColumns(table), allocator)) {
                    List<ArrowBlock> blocks = reader.getRecordBlocks();
                    for (ArrowBlock b : blocks) {
                        units.add(new Unit(t, b));
                    }
                    unitRowsPerTable.add(new long[blocks.size()]);
                    blocksPerTable.add(blocks);
                } catch (IOException e) {
                    throw new SnapshotCorruptException(table.file().file(), "cannot be read: " + e.getMessage(), Map.of(), e);
                }
            }
            if (weightName != null && !anyWeight) {
                throw new ValidationException("weight", "no edge type has a property named '" + weightName + "'");
            }
            if (totalRows > CsrGraph.MAX_ARCS) {
                throw new ValidationException("snapshot", "snapshot has " + totalRows + " edges; the CPU engine holds at most "
                        + CsrGraph.MAX_ARCS);
            }
            int workers = Math.min(edgeWorkers(options.parallelism(), n), Math.max(1, units.size()));
            int[] unitBounds = new int[workers + 1];
            for (int w = 0; w <= workers; w++) {
                unitBounds[w] = (int) ((long) units.size() * w / workers);
            }
            int[] unitIndexInTable = new int[units.size()];
            for (int u = 0, prevTable = -1, idx = 0; u < units.size(); u++) {
                idx = units.get(u).table() == prevTable ? idx + 1 : 0;
                prevTable = units.get(u).table();
                unitIndexInTable[u] = idx;
            }
            EndpointResolver[][] resolvers = new EndpointResolver[tables.size()][2];
            for (int t = 0; t < tables.size(); t++) {
                SnapshotManifest.EdgeTable table = tables.get(t);
                resolvers[t][0] = new EndpointResolver(table.file().file(), table.fromKey().name(), table.fromKey().type(),
                        labelsByName.get(table.fromLabel()));
                resolvers[t][1] = new EndpointResolver(table.file().file(), table.toKey().name(), table.toKey().type(),
                        labelsByName.get(table.toLabel()));
            }
            mapped = new MappedEndpoints[tables.size()];
            for (int t = 0; t < tables.size(); t++) {
                if (MappedEndpoints.eligible(tables.get(t)) && resolvers[t][0].readsInPlace() && resolvers[t][1].readsInPlace()) {
                    mapped[t] = MappedEndpoints.map(dir, tables.get(t), blocksPerTable.get(t), mappings);
                }
            }
            int[][] counters = new int[workers][];
            long unitsTotal = units.size();
            AtomicLong unitsDone = new AtomicLong();

            // pass 1: count out-degrees per worker
            Parallel.forRange(pool, 0, workers, 1, (a, b) -> {
                for (int w = a; w < b; w++) {
                    int[] count = new int[n];
                    counters[w] = count;
                    scan(tables, units, unitBounds[w], unitBounds[w + 1], resolvers, !directed, unitIndexInTable, null, (u, rows, src, dst, root) -> {
                        unitRowsPerTable.get(units.get(u).table())[unitIndexInTable[u]] = rows;
                        if (directed) {
                            for (int i = 0; i < rows; i++) {
                                count[src[i]]++;
                            }
                        } else {
                            for (int i = 0; i < rows; i++) {
                                count[src[i]]++;
                                if (src[i] != dst[i]) {
                                    count[dst[i]]++;
                                }
                            }
                        }
                        progress.progress("edges", 0.2 + 0.6 * unitsDone.incrementAndGet() / (2.0 * unitsTotal), "counting");
                    });
                }
            });
            long[] unitFirstRow = new long[units.size()];
            for (int t = 0; t < tables.size(); t++) {
                long[] unitRows = unitRowsPerTable.get(t);
                long sum = 0;
                for (long r : unitRows) {
                    sum += r;
                }
                if (sum != tables.get(t).file().rows()) {
                    throw rowMismatch(tables.get(t).file().file(), sum, tables.get(t).file().rows());
                }
            }
            for (int u = 0; u < units.size(); u++) {
                int t = units.get(u).table();
                int idx = unitIndexInTable[u];
                unitFirstRow[u] = idx == 0 ? 0 : unitFirstRow[u - 1] + unitRowsPerTable.get(t)[idx - 1];
            }
            // offsets and per-worker cursors
            int[] offsets = new int[n + 1];
            Parallel.forRange(pool, 0, n, 1 << 16, (a, b) -> {
                for (int v = a; v < b; v++) {
                    long sum = 0;
                    for (int[] c : counters) {
                        sum += c[v];
                    }
                    if (sum > CsrGraph.MAX_ARCS) {
                        throw new ValidationException("snapshot", "vertex " + v + " has too many arcs: " + sum);
                    }
                    offsets[v + 1] = (int) sum;
                }
            });
            long arcsLong = 0;
            for (int v = 0; v < n; v++) {
                arcsLong += offsets[v + 1];
                if (arcsLong > CsrGraph.MAX_ARCS) {
                    throw new ValidationException("snapshot", "graph has more than " + CsrGraph.MAX_ARCS
                            + " arcs; the CPU engine cannot hold it");
                }
                offsets[v + 1] = (int) arcsLong;
            }
            Parallel.forRange(pool, 0, n, 1 << 16, (a, b) -> {
                for (int v = a; v < b; v++) {
                    int pos = offsets[v];
                    for (int[] c : counters) {
                        int k = c[v];
                        c[v] = pos;
                        pos += k;
                    }
                }
            });
            int arcs = (int) arcsLong;
            int[] targets = new int[arcs];
            double[] weights = anyWeight ? new double[arcs] : null;
            byte[] types = tables.size() > 1 ? new byte[arcs] : null;
            int[] rowIds = anyProperties ? new int[arcs] : null;
            List<List<ColumnBuilder>> edgeProps = new ArrayList<>();
            for (SnapshotManifest.EdgeTable table : tables) {
                List<ColumnBuilder> list = new ArrayList<>();
                for (SnapshotManifest.ColumnMeta c : table.properties()) {
                    list.add(new ColumnBuilder(c.type(), (int) table.file().rows()));
                }
                edgeProps.add(list);
            }
            // pass 2: write every arc into its slot (through per-bucket buffers, see ArcScatter)
            long arcsPerWorker = Math.max(1, arcs / Math.max(1, workers));
            boolean companions = weights != null || types != null || rowIds != null;
            Parallel.forRange(pool, 0, workers, 1, (a, b) -> {
                for (int w = a; w < b; w++) {
                    ArcScatter out = new ArcScatter(n, counters[w], targets, weights, types, rowIds,
                            (int) Math.min(Adjacency.SCATTER_BUFFER_ARCS, arcsPerWorker));
                    double[][] weightScratch = {new double[0]};
                    scan(tables, units, unitBounds[w], unitBounds[w + 1], resolvers, true, unitIndexInTable, unitFirstRow,
                            (u, rows, src, dst, root) -> {
                        int t = units.get(u).table();
                        long first = unitFirstRow[u];
                        int globalFirst = (int) (rowBase[t] + first);
                        if (!companions) {
                            for (int i = 0; i < rows; i++) {
                                out.add(src[i], dst[i]);
                                if (!directed && src[i] != dst[i]) {
                                    out.add(dst[i], src[i]);
                                }
                            }
                        } else {
                            double[] wv = null;
                            if (weights != null) {
                                if (weightScratch[0].length < rows) {
                                    weightScratch[0] = new double[rows];
                                }
                                wv = weightScratch[0];
                                readWeights(root, weightColumn[t], rows, wv);
                            }
                            byte code = (byte) t;
                            for (int i = 0; i < rows; i++) {
                                double weight = wv == null ? 0 : wv[i];
                                out.add(src[i], dst[i], weight, code, globalFirst + i);
                                if (!directed && src[i] != dst[i]) {
                                    out.add(dst[i], src[i], weight, code, globalFirst + i);
                                }
                            }
                        }
                        List<ColumnBuilder> props = edgeProps.get(t);
                        for (int c = 0; c < props.size(); c++) {
                            props.get(c).copy(root.getVector(c + 2), rows, (int) first);
                        }
                        progress.progress("edges", 0.2 + 0.6 * unitsDone.incrementAndGet() / (2.0 * unitsTotal), "filling");
                    });
                    out.flush();
                    counters[w] = null;
                }
            });
            cancel.throwIfCancelled("snapshot load");
            List<EdgeType> edgeTypes = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                SnapshotManifest.EdgeTable table = tables.get(t);
                Map<String, Column> props = new LinkedHashMap<>();
                for (int c = 0; c < table.properties().size(); c++) {
                    props.put(table.properties().get(c).name(), edgeProps.get(t).get(c).build());
                }
                edgeTypes.add(new EdgeType(t, table.type(), table.fromLabel(), table.toLabel(), rowBase[t],
                        table.file().rows(), props));
            }
            progress.progress("reverse", 0.8, directed ? "deriving in-adjacency" : "");
            var builder = CsrGraph.builder(n, directed)
                    .outAdjacency(offsets, targets)
                    .labels(labels)
                    .edgeTypes(edgeTypes.isEmpty() ? defaultEdgeTypes() : edgeTypes)
                    .edgeCount(totalRows)
                    .trusted()
                    .pool(pool);
            if (weights != null) {
                builder.weights(weightName, weights);
            }
            if (types != null) {
                builder.edgeTypeCodes(types, null);
            }
            if (rowIds != null) {
                builder.edgeRows(rowIds, null);
            }
            CsrGraph graph = builder.build();
            progress.progress("done", 1.0, graph.toString());
            return graph;
        }

        private List<EdgeType> defaultEdgeTypes() {
            String label = labels.isEmpty() ? CsrGraph.DEFAULT_LABEL : labels.getFirst().name();
            return List.of(new EdgeType(0, CsrGraph.DEFAULT_EDGE_TYPE, label, label, 0, 0, Map.of()));
        }

        /**
         * Reads the record batches of units {@code from..to-1} in order, resolving the source keys and,
         * when {@code targets}, the target keys (every key is checked in one of the two passes).
         */
        private void scan(List<SnapshotManifest.EdgeTable> tables, List<Unit> units, int from, int to,
                          EndpointResolver[][] resolvers, boolean targets, int[] unitIndexInTable, long[] unitFirstRow,
                          BatchBody body) {
            if (from >= to) {
                return;
            }
            try (BufferAllocator workerAllocator = allocator.newChildAllocator("edges-" + from, 0, Long.MAX_VALUE)) {
                ArrowFileReader reader = null;
                int readerTable = -1;
                int[] src = new int[0];
                int[] dst = new int[0];
                try {
                    for (int u = from; u < to && !failed; u++) {
                        Unit unit = units.get(u);
                        SnapshotManifest.EdgeTable table = tables.get(unit.table());
                        int batch = unitIndexInTable[u];
                        long firstRow = unitFirstRow == null ? -1 : unitFirstRow[u];
                        MappedEndpoints direct = mapped[unit.table()];
                        if (direct != null) {
                            int rows = direct.rows(batch);
                            if (src.length < rows) {
                                src = new int[rows];
                                dst = new int[rows];
                            }
                            resolvers[unit.table()][0].resolve(direct.segment(), direct.fromOffset(batch), direct.fromWidth(), rows,
                                    batch, firstRow, src);
                            if (targets) {
                                resolvers[unit.table()][1].resolve(direct.segment(), direct.toOffset(batch), direct.toWidth(), rows,
                                        batch, firstRow, dst);
                            }
                            body.batch(u, rows, src, dst, null);
                            cancel.throwIfCancelled("snapshot load");
                            continue;
                        }
                        String file = table.file().file();
                        if (unit.table() != readerTable) {
                            if (reader != null) {
                                reader.close();
                            }
                            reader = null;
                            reader = SnapshotFiles.open(dir, file, edgeColumns(table), workerAllocator);
                            readerTable = unit.table();
                        }
                        VectorSchemaRoot root;
                        try {
                            if (!reader.loadRecordBatch(unit.block())) {
                                throw new SnapshotCorruptException(file, "record batch at offset " + unit.block().getOffset()
                                        + " cannot be read");
                            }
                            root = reader.getVectorSchemaRoot();
                        } catch (IOException | IllegalArgumentException | IllegalStateException
                                 | IndexOutOfBoundsException e) {
                            throw new SnapshotCorruptException(file, "is corrupt: " + e.getMessage(), Map.of(), e);
                        }
                        int rows = root.getRowCount();
                        if (src.length < rows) {
                            src = new int[rows];
                            dst = new int[rows];
                        }
                        resolvers[unit.table()][0].resolve(root.getVector(0), rows, batch, firstRow, src);
                        if (targets) {
                            resolvers[unit.table()][1].resolve(root.getVector(1), rows, batch, firstRow, dst);
                        }
                        body.batch(u, rows, src, dst, root);
                        cancel.throwIfCancelled("snapshot load");
                    }
                } catch (RuntimeException e) {
                    failed = true;
                    throw e;
                } finally {
                    if (reader != null) {
                        reader.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void readWeights(VectorSchemaRoot root, int column, int rows, double[] out) {
            if (column < 0) {
                java.util.Arrays.fill(out, 0, rows, 1.0);
                return;
            }
            FieldVector v = root.getVector(column);
            var data = v.getDataBuffer();
            switch (v.getMinorType()) {
                case FLOAT8 -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = data.getDouble(8L * i);
                    }
                }
                case FLOAT4 -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = data.getFloat(4L * i);
                    }
                }
                case BIGINT -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = data.getLong(8L * i);
                    }
                }
                case INT -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = data.getInt(4L * i);
                    }
                }
                default -> throw new IllegalStateException("weight column is not numeric: " + v.getMinorType());
            }
            if (v.getNullCount() > 0) {
                for (int i = 0; i < rows; i++) {
                    if (v.isNull(i)) {
                        out[i] = 1.0;
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface BatchBody {
        /** {@code root} is {@code null} for a table read in place (it has no columns besides the keys). */
        void batch(int unit, int rows, int[] src, int[] dst, VectorSchemaRoot root);
    }

    static List<SnapshotManifest.ColumnMeta> edgeColumns(SnapshotManifest.EdgeTable table) {
        List<SnapshotManifest.ColumnMeta> columns = new ArrayList<>();
        columns.add(table.fromKey());
        columns.add(table.toKey());
        columns.addAll(table.properties());
        return columns;
    }

    private static SnapshotCorruptException rowMismatch(String file, long actual, long expected) {
        return new SnapshotCorruptException(file, "holds " + actual + " rows, the manifest says " + expected,
                Map.of("actual_rows", actual, "expected_rows", expected), null);
    }
}
