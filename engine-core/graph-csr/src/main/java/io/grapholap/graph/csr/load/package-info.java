/**
 * Loading a snapshot into a {@link io.grapholap.graph.csr.CsrGraph}:
 * {@link io.grapholap.graph.csr.load.CsrLoader} builds the graph in two parallel streaming passes
 * over the verified Arrow files (edge endpoints of plain integer key columns are read in place from
 * a memory-mapped file, {@link io.grapholap.graph.csr.load.MappedEndpoints});
 * {@link io.grapholap.graph.csr.load.MemoryModel} gives the exact memory estimate from the manifest
 * alone. Any disagreement with the manifest is a {@code SnapshotCorruptException} (code
 * {@code SNAPSHOT_INVALID}) naming the file.
 */
package io.grapholap.graph.csr.load;
