/**
 * The host graph every engine shares: the in-memory CSR model, its result columns, and
 * {@link io.grapholap.graph.csr.CsrBacked}, by which an instance of one engine shows its host graph
 * to another engine that runs an algorithm over it (the application's {@code engine=auto}
 * fallback). Public API for kernels, Gremlin and the bench:
 *
 * <h2>{@link io.grapholap.graph.csr.CsrGraph}</h2>
 * <ul>
 *   <li>Dense vertex ids {@code 0..vertexCount()-1}; {@code edgeCount()} (undirected edge counts
 *       once), {@code arcCount()} (stored out-arcs), {@code isDirected()}.</li>
 *   <li>Raw arrays for hot loops: {@code int[] outOffsets()} (length n+1), {@code int[] outTargets()},
 *       {@code int[] inOffsets()}, {@code int[] inSources()} (in-lists sorted by source). Inlinable
 *       accessors: {@code outStart(v)}, {@code outEnd(v)}, {@code outDegree(v)}, {@code outTarget(i)},
 *       {@code inStart(v)}, {@code inEnd(v)}, {@code inDegree(v)}, {@code inSource(i)}.</li>
 *   <li>Undirected graphs store both directions ({@code u→v} and {@code v→u}, a self-loop once) and
 *       {@code in*()} return the very same arrays as {@code out*()}: read {@code out} as neighbours.</li>
 *   <li>Weights: {@code hasWeights()}, {@code weightProperty()}, {@code double[] outWeights()},
 *       {@code double[] inWeights()} (null when unweighted); {@code double[] outWeights(String property,
 *       double defaultWeight)} reads any numeric edge property (ValidationException, field
 *       {@code weight}, when there is none).</li>
 *   <li>Edge types: {@code List<EdgeType> edgeTypes()}, {@code byte[] outEdgeTypeCodes()} /
 *       {@code inEdgeTypeCodes()} (null when one type), {@code outEdgeType(i)}, {@code inEdgeType(i)}.
 *       Edge rows: {@code int[] outEdgeRows()} / {@code inEdgeRows()} (null when edges have no
 *       properties); a row indexes {@link io.grapholap.graph.csr.EdgeType#properties()}
 *       columns as {@code row - type.rowBase()}.</li>
 *   <li>Labels and keys: {@code List<VertexLabel> labels()} (each a contiguous id range
 *       {@code start..start+count-1} with its {@link io.grapholap.graph.csr.VertexKeys} and
 *       property columns), {@code vertexLabel(v)}, {@code Object vertexKey(v)}, {@code String
 *       vertexIdentity(v)} ({@code "Label:key"}, docs/identity.md), {@code Found find(Object ref)} and
 *       {@code int vertexId(Object ref)} (an identity, a {@code VertexRef} or a key one label holds;
 *       -1 when absent or ambiguous) and {@code vertexId(String label, Object key)} (integer keys also
 *       match decimal strings, UUID keys match their string form), {@code hasIdentityKeys()},
 *       {@code Column keyColumn()}, {@code identityColumn()}, {@code labelColumn()} (per vertex in
 *       dense-id order: the vertex columns that start every result), {@code vertexProperty(label,
 *       name)}, {@code edgeProperty(type, name)}.</li>
 *   <li>{@code long bytesHeld()}: bytes of every array, key index and property column.</li>
 * </ul>
 *
 * <h2>Building</h2>
 * <ul>
 *   <li>{@code CsrGraph.fromEdges(n, directed, int[][] edges[, double[] weights])}: small graphs and
 *       tests, identity keys, weight property {@code "weight"}.</li>
 *   <li>{@code CsrGraph.fromOutAdjacency(n, directed, int[] offsets, int[] targets, ForkJoinPool pool)}:
 *       takes the arrays over; derives the in-adjacency of a directed graph in parallel.</li>
 *   <li>{@code CsrGraph.builder(n, directed).outAdjacency(..).inAdjacency(..).weights(prop, w)
 *       .edgeTypeCodes(out, in).edgeRows(out, in).labels(..).edgeTypes(..).edgeCount(m).pool(pool)
 *       .trusted().build()}: everything optional except the out-adjacency; {@code trusted()} skips the
 *       parallel range check for producers that guarantee valid arrays (loader, generators).</li>
 *   <li>{@link io.grapholap.graph.csr.Adjacency#reverse}: in-adjacency from out-adjacency
 *       (parallel counting + fill pass, deterministic, in-lists sorted by source);
 *       {@link io.grapholap.graph.csr.Adjacency#fromEdges}: stable CSR from an edge list.</li>
 *   <li>{@link io.grapholap.graph.csr.ArcScatter}: per-thread bucketed writer of arcs into
 *       their CSR slots (cursor per vertex), about twice as fast as direct scattered writes on graphs
 *       larger than the caches; arcs of a vertex keep their arrival order. Use it in the fill pass of
 *       a generator.</li>
 *   <li>{@link io.grapholap.graph.csr.Parallel#forRange} and {@code balancedSplit}: small
 *       helpers for parallel loops on a given {@code ForkJoinPool}.</li>
 * </ul>
 *
 * <p>Limits: at most {@link io.grapholap.graph.csr.CsrGraph#MAX_ARCS} arcs per direction (int
 * arc indexes), at most 128 edge types.
 */
package io.grapholap.graph.csr;
