package io.grapholap.application.dataset;

import java.nio.file.Path;

/**
 * One immutable dataset version: its id, version number and the snapshot directory the engines
 * load (Arrow files + manifest.json).
 */
public record DatasetRef(String id, long version, Path directory) {
}
