/**
 * The snapshot format on disk, whatever engine loads it; {@link io.grapholap.snapshot.arrow.SnapshotArrowFactory}
 * contributes the process Arrow allocator, the writer, the reader and the upload decoder.
 *
 * <ul>
 *   <li>Format: a directory with one Arrow IPC file per node label ({@code nodes-<i>.arrow}: key
 *       column, then properties) and per edge type ({@code edges-<i>.arrow}: from key, to key, then
 *       properties), and {@code manifest.json} ({@link io.grapholap.snapshot.arrow.SnapshotManifest}:
 *       source, created_at, rows, bytes, SHA-256, column names/types/null counts). Value types map to
 *       Arrow as described in {@code ArrowTypes}.</li>
 *   <li>Writing: {@link io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory} implements the
 *       application's {@code SnapshotWriterFactory}: rows stream into fixed-size record batches; the
 *       snapshot is written in a hidden temporary directory and published by an atomic rename after
 *       the manifest is fsynced.</li>
 *   <li>Reading: {@link io.grapholap.snapshot.arrow.SnapshotFiles} checks presence, size,
 *       checksum and schema (graph-csr's loader builds the host graph from them). Any disagreement is a
 *       {@code SnapshotCorruptException} (code {@code SNAPSHOT_INVALID}) naming the file.</li>
 * </ul>
 */
package io.grapholap.snapshot.arrow;
