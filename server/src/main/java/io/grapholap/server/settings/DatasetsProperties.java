package io.grapholap.server.settings;

import io.grapholap.application.dataset.UploadSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings under {@code grapholap.datasets}: {@code max-vertices-per-call}
 * and {@code max-edges-per-call} (JSON upsert, 100000 each), {@code max-rows-per-table} (bulk
 * upload, 1000000), {@code max-rows-per-version} (vertices plus edges of one version, merged in
 * memory, 5000000), {@code keep-versions} (versions of one dataset kept on disk besides those live
 * instances load from, 10); {@code max-body-bytes} (16777216: the largest upload or upsert body,
 * never more than {@code micronaut.server.max-request-size}).
 */
@Context
@ConfigurationProperties("grapholap.datasets")
public record DatasetsProperties(@Bindable(defaultValue = "100000") int maxVerticesPerCall,
                                 @Bindable(defaultValue = "100000") int maxEdgesPerCall,
                                 @Bindable(defaultValue = "1000000") int maxRowsPerTable,
                                 @Bindable(defaultValue = "5000000") long maxRowsPerVersion,
                                 @Bindable(defaultValue = "10") int keepVersions,
                                 @Bindable(defaultValue = "16777216") long maxBodyBytes) {

    private static final String P = "grapholap.datasets.";

    public DatasetsProperties {
        Check.atLeast(P + "max-vertices-per-call", maxVerticesPerCall, 1);
        Check.atLeast(P + "max-edges-per-call", maxEdgesPerCall, 1);
        Check.atLeast(P + "max-rows-per-table", maxRowsPerTable, 1);
        Check.atLeast(P + "max-rows-per-version", maxRowsPerVersion, 1);
        Check.atLeast(P + "keep-versions", keepVersions, 1);
        Check.atLeast(P + "max-body-bytes", maxBodyBytes, 1);
    }

    public UploadSettings settings() {
        return new UploadSettings(maxVerticesPerCall, maxEdgesPerCall, maxRowsPerTable, maxRowsPerVersion, keepVersions);
    }
}
