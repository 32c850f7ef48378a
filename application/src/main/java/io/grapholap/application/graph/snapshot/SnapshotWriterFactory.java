package io.grapholap.application.graph.snapshot;

import java.nio.file.Path;

/** Creates snapshot writers (port; the CPU engine provides the Arrow implementation). */
public interface SnapshotWriterFactory {

    /**
     * A writer that will publish the snapshot at {@code targetDir}, which must not exist yet.
     *
     * @throws io.grapholap.domain.error.ConflictException when {@code targetDir} already exists
     */
    SnapshotWriter create(Path targetDir, SnapshotSource source);
}
