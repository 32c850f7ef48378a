/**
 * Snapshots on disk and their loading into a {@link io.grapholap.engine.cpu.graph.CsrGraph}.
 *
 * <ul>
 *   <li>Format: a directory with one Arrow IPC file per node label ({@code nodes-<i>.arrow}: key
 *       column, then properties) and per edge type ({@code edges-<i>.arrow}: from key, to key, then
 *       properties), and {@code manifest.json} ({@link io.grapholap.engine.cpu.snapshot.SnapshotManifest}:
 *       source, created_at, rows, bytes, SHA-256, column names/types/null counts). Value types map to
 *       Arrow as described in {@code ArrowTypes}.</li>
 *   <li>Writing: {@link io.grapholap.engine.cpu.snapshot.ArrowSnapshotWriterFactory} implements the
 *       application's {@code SnapshotWriterFactory}: rows stream into fixed-size record batches; the
 *       snapshot is written in a hidden temporary directory and published by an atomic rename after
 *       the manifest is fsynced.</li>
 *   <li>Reading: {@link io.grapholap.engine.cpu.snapshot.SnapshotFiles} checks presence, size,
 *       checksum and schema; {@link io.grapholap.engine.cpu.snapshot.CsrLoader} builds the graph in two
 *       parallel streaming passes; {@link io.grapholap.engine.cpu.snapshot.MemoryModel} gives the
 *       exact memory estimate from the manifest. Any disagreement is a
 *       {@code SnapshotCorruptException} (code {@code SNAPSHOT_INVALID}) naming the file.</li>
 * </ul>
 */
package io.grapholap.engine.cpu.snapshot;
