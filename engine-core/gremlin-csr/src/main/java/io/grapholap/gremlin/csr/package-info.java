/**
 * Gremlin over the host graph: a read-only Apache TinkerPop 3.7.5 structure that reads a
 * {@link io.grapholap.graph.csr.CsrGraph} in place, provider strategies, a query executor, and
 * {@link io.grapholap.gremlin.csr.CsrGraphInstance}, the host half of a graph instance (schema,
 * statistics, node and edge tables, Gremlin, stored properties) that every engine extends with its
 * algorithms.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link io.grapholap.gremlin.csr.GremlinExecutor}: {@code new GremlinExecutor(CsrGraph, Executor)}
 *       (or {@code (CsrGremlinGraph, Executor)}; the executor is the instance's
 *       {@code ComputePool.queries()}), then {@code QueryResult execute(String query, Map<String,Object>
 *       bindings, QueryLimits limits)}. Queries are parsed with the gremlin-language grammar (no Groovy,
 *       no lambdas); bindings are grammar variables; each query runs on its own thread that is
 *       interrupted at the timeout ({@code OperationTimeoutException}); at most {@code maxRows} rows,
 *       {@code truncated} when more were available. One column, {@code result}, holding plain values
 *       ({@link io.grapholap.gremlin.csr.GremlinValues}). Bad queries, unbound variables and
 *       attempted writes are {@code ValidationException("query", …)}; syntax errors carry the line and
 *       position. An executor is thread-safe; create one per loaded graph.</li>
 *   <li>{@link io.grapholap.gremlin.csr.CsrGremlinGraph}: the {@code Graph}; {@code traversal()}
 *       gives a {@code GraphTraversalSource} for Java callers (UDFs, tests, the bench).</li>
 * </ul>
 *
 * <h2>Structure</h2>
 * Vertices and edges are flyweights (dense id + graph). Vertex ids are the original keys, edge ids
 * Longs (edge row id, or out-arc index when edges have no properties). LIST columns are
 * multi-properties; meta-properties are not kept. All mutations throw TinkerPop's standard
 * "not supported" exceptions.
 *
 * <h2>Strategies</h2>
 * <ul>
 *   <li>{@code CsrGraphStepStrategy}: folds {@code hasLabel/hasId/has(key, predicate)} that follow
 *       {@code V()}/{@code E()} into the start step: label filters select whole label id ranges, ids
 *       use the key index, {@code has(k, v)}/{@code P.eq}/{@code P.within} (at most 64 values) on
 *       INT32/INT64/FLOAT64/STRING columns read candidate rows from an equality index, other property
 *       filters scan the column (primitive compare for equality on numbers and strings). The index is
 *       built on first use per (label, property), thread-safely, and kept for the graph's life (it is
 *       read-only); for an all-labels filter each label's index is consulted. Columns over
 *       {@code grapholap.gremlin.equalityIndexMaxRows} rows (default 2^26) are scanned instead;
 *       {@code CsrGremlinGraph.equalityIndexBytes()} reports the memory held.</li>
 *   <li>{@code CsrCountStrategy}: {@code g.V()[filters].count()}, {@code g.E()[hasLabel].count()} and
 *       {@code g.V()[filters].out/in/both(...)….count()} (last hop may be {@code outE/inE/bothE}) are
 *       computed on the CSR arrays without making elements: label sizes, edge type sizes, and per-vertex
 *       path counts propagated hop by hop.</li>
 * </ul>
 */
package io.grapholap.gremlin.csr;
