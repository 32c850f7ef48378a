package io.grapholap.server.config;

import io.grapholap.application.dataset.DatasetDirectories;
import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.application.snapshot.DirectorySnapshotStore;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.server.settings.S3Properties;
import io.grapholap.server.settings.ServerProperties;
import io.grapholap.server.settings.SnapshotStoreProperties;
import io.grapholap.snapshot.s3.S3Settings;
import io.grapholap.snapshot.s3.S3SnapshotStore;
import io.grapholap.snapshot.s3.S3Storage;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wires the snapshot store from {@code grapholap.snapshot-store}: snapshots under {@code snapshots/}
 * and dataset versions under {@code datasets/} of a directory (the data directory by default) or of
 * an S3 prefix, whose node-local copies then live under {@code ${grapholap.data-dir}/store-cache}.
 * Built at start-up, so an unreachable or missing bucket stops the server with the setting named.
 */
@Factory
final class SnapshotStoreFactory {

    private static final System.Logger LOG = System.getLogger(SnapshotStoreFactory.class.getName());

    @Context
    @Bean(preDestroy = "close")
    SnapshotStores snapshotStores(SnapshotStoreProperties store, S3Properties s3, ServerProperties server) {
        SnapshotStores stores = store.s3() ? s3Stores(store.snapshotStore(), s3, server) : directoryStores(store, server);
        LOG.log(System.Logger.Level.INFO, "snapshot store: {0} and {1}", stores.snapshots().location(), stores.datasets().location());
        return stores;
    }

    @Singleton
    SnapshotDirectories snapshotDirectories(SnapshotStores stores) {
        return new SnapshotDirectories(stores.snapshots());
    }

    @Singleton
    DatasetDirectories datasetDirectories(SnapshotStores stores) {
        return new DatasetDirectories(stores.datasets());
    }

    private static SnapshotStores directoryStores(SnapshotStoreProperties store, ServerProperties server) {
        Path root = store.snapshotStore().isEmpty() ? Path.of(server.dataDir()) : Path.of(store.snapshotStore());
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ConfigurationException(SnapshotStoreProperties.KEY + " (" + root + ") exists but is not a directory");
        }
        return new SnapshotStores(new DirectorySnapshotStore(root.resolve("snapshots")),
                new DirectorySnapshotStore(root.resolve("datasets")), null);
    }

    private static SnapshotStores s3Stores(String location, S3Properties s3, ServerProperties server) {
        S3Settings settings;
        try {
            settings = new S3Settings(S3Settings.bucketOf(location), S3Settings.prefixOf(location), s3.endpointUri(),
                    s3.region(), s3.accessKey(), s3.secretKey(), s3.pathStyleAccess(), s3.createBucket());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SnapshotStoreProperties.KEY + " (" + location + "): " + e.getMessage());
        }
        S3Storage storage;
        try {
            storage = S3Storage.open(settings);
        } catch (IllegalStateException e) {
            // No cause: the start-up failure shows the innermost message, which must be this one.
            throw new ConfigurationException(SnapshotStoreProperties.KEY + " (" + location + "): " + e.getMessage()
                    + " [settings: grapholap.s3.endpoint, region, access-key, secret-key, path-style-access, create-bucket]");
        }
        Path cache = server.dir("store-cache");
        return new SnapshotStores(storage.store("snapshots", cache.resolve("snapshots")),
                storage.store("datasets", cache.resolve("datasets")), storage);
    }

    /** The stores for snapshots and for dataset versions, and the S3 connection they share (closed at shutdown). */
    record SnapshotStores(SnapshotStore snapshots, SnapshotStore datasets, S3Storage s3) implements AutoCloseable {
        @Override
        public void close() {
            if (s3 != null) {
                s3.close();
            }
        }
    }
}
