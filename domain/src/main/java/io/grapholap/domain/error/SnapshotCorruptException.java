package io.grapholap.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot on disk that cannot be trusted: a missing, truncated or corrupt file, a checksum
 * mismatch, a schema that disagrees with the manifest, or an edge whose endpoint is not a vertex.
 * {@link #file()} names the file at fault (relative to the snapshot directory, or the directory
 * itself). Code {@code SNAPSHOT_INVALID}.
 */
public final class SnapshotCorruptException extends DomainException {

    private final String file;

    public SnapshotCorruptException(String file, String message) {
        super("SNAPSHOT_INVALID", file + ": " + message, Map.of("file", file));
        this.file = file;
    }

    public SnapshotCorruptException(String file, String message, Map<String, ?> details, Throwable cause) {
        super("SNAPSHOT_INVALID", file + ": " + message, merge(file, details), cause);
        this.file = file;
    }

    public String file() {
        return file;
    }

    private static Map<String, Object> merge(String file, Map<String, ?> details) {
        var all = new LinkedHashMap<String, Object>(details == null ? Map.of() : details);
        all.put("file", file);
        return all;
    }
}
