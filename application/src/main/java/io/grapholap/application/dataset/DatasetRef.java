package io.grapholap.application.dataset;

import java.nio.file.Path;

/**
 * One immutable dataset version: its id, version number and the snapshot directory the engines
 * load (Arrow files + manifest.json); {@code snapshotId} is the snapshot a {@code snapshot-<id>}
 * dataset is, null for an uploaded dataset.
 */
public record DatasetRef(String id, long version, Path directory, Long snapshotId) {
}
