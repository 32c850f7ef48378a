package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * {@code grapholap.snapshot-store} (env {@code GRAPHOLAP_SNAPSHOT_STORE}): where snapshots and dataset
 * versions are kept. Empty (the default): under {@code grapholap.data-dir}; a directory path: under
 * that directory (a mounted one may be shared by several servers); {@code s3://bucket/prefix}: in an
 * S3 bucket, reached with the {@link S3Properties} settings, with node-local copies under the data
 * directory.
 */
@Context
@ConfigurationProperties("grapholap")
public record SnapshotStoreProperties(@Nullable String snapshotStore) {

    public static final String KEY = "grapholap.snapshot-store";

    public SnapshotStoreProperties {
        snapshotStore = snapshotStore == null ? "" : snapshotStore.trim();
        String lower = snapshotStore.toLowerCase(Locale.ROOT);
        if (lower.matches("[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("s3://")) {
            throw new ConfigurationException(KEY + " must be a directory path or s3://bucket/prefix, got '" + snapshotStore + "'");
        }
        if (lower.startsWith("s3://") && lower.substring(5).replaceAll("/.*", "").isEmpty()) {
            throw new ConfigurationException(KEY + " must name a bucket (s3://bucket/prefix), got '" + snapshotStore + "'");
        }
    }

    public boolean s3() {
        return snapshotStore.toLowerCase(Locale.ROOT).startsWith("s3://");
    }
}
