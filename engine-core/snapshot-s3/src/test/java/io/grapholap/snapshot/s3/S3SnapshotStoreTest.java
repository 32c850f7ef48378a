package io.grapholap.snapshot.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store contract on S3, against a real S3-compatible server (S3Proxy, in memory) that the test
 * starts on a free port; two stores with their own node-local copies play two servers. Tampering goes
 * through a plain SDK client, as another writer of the bucket would.
 */
class S3SnapshotStoreTest extends SnapshotStoreContractTest {

    private static S3ProxyServer server;
    private static S3Client raw;
    private static int buckets;

    @TempDir
    Path cacheA;
    @TempDir
    Path cacheB;

    private String bucket;
    private S3Storage storageA;
    private S3Storage storageB;
    private SnapshotStore storeA;
    private SnapshotStore storeB;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        server = S3ProxyServer.start(null);
        raw = server.client();
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openStores() {
        bucket = "contract-" + (++buckets);
        storageA = S3Storage.open(server.settings(bucket, "tenant/", true));
        storageB = S3Storage.open(server.settings(bucket, "tenant", false));
        storeA = storageA.store("snapshots", cacheA);
        storeB = storageB.store("snapshots", cacheB);
    }

    @AfterEach
    void closeStores() {
        storageA.close();
        storageB.close();
    }

    @Override
    protected SnapshotStore store() {
        return storeA;
    }

    @Override
    protected SnapshotStore otherNode() {
        return storeB;
    }

    @Override
    protected void replaceObject(String key, String file, byte[] bytes) {
        raw.putObject(b -> b.bucket(bucket).key(key(key) + file), RequestBody.fromBytes(bytes));
    }

    @Override
    protected void removeObject(String key, String file) {
        raw.deleteObject(b -> b.bucket(bucket).key(key(key) + file));
    }

    @Override
    protected List<String> objects(String key) {
        List<String> names = new ArrayList<>();
        for (var page : raw.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key(key)))) {
            for (S3Object o : page.contents()) {
                names.add(o.key().substring(key(key).length()));
            }
        }
        return names.stream().sorted().toList();
    }

    private static String key(String key) {
        return "tenant/snapshots/" + key + "/";
    }

    @Test
    void anEstimateFetchesOnlyTheManifestUntilTheNodeHoldsACurrentCopy() throws Exception {
        publishSample("21");

        Path manifestOnly = storeB.manifestOnly("21");
        try (var files = java.nio.file.Files.list(manifestOnly)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("manifest.json");
        }
        assertThat(io.grapholap.snapshot.arrow.SnapshotManifest.read(manifestOnly).vertexRows()).isEqualTo(3);
        assertThat(storeB.manifestOnly("21")).as("fetched again, same place").isEqualTo(manifestOnly);

        Path copy = storeB.localCopy("21");
        assertThat(storeB.manifestOnly("21")).as("a current local copy serves").isEqualTo(copy);
        storeB.delete("21");
        assertThat(manifestOnly).doesNotExist();
        assertThatThrownBy(() -> storeB.manifestOnly("21")).hasMessageContaining("missing in the store");
    }

    @Test
    void theDataFilesGoUpBeforeTheManifest() {
        publishSample("20");

        List<S3Object> objects = raw.listObjectsV2(b -> b.bucket(bucket).prefix(key("20"))).contents();
        S3Object manifest = objects.stream().filter(o -> o.key().endsWith("manifest.json")).findFirst().orElseThrow();
        assertThat(objects).hasSize(3).allSatisfy(o -> assertThat(o.lastModified()).isBeforeOrEqualTo(manifest.lastModified()));
        assertThat(storeA.location()).isEqualTo("s3://" + bucket + "/tenant/snapshots/");
    }

    @Test
    void aMissingBucketStopsStartUpNamingItUnlessTheServerMayCreateIt() {
        assertThatThrownBy(() -> S3Storage.open(server.settings("no-such-bucket", "", false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bucket no-such-bucket does not exist at " + server.endpoint());
        try (S3Storage created = S3Storage.open(server.settings("made-at-start", "", true))) {
            assertThat(raw.headBucket(b -> b.bucket("made-at-start")).sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    @Test
    void wrongCredentialsStopStartUpSayingSo() {
        var wrong = new S3Settings(bucket, "", server.endpoint(), "us-east-1", S3ProxyServer.ACCESS_KEY, "wrong", true, false);
        assertThatThrownBy(() -> S3Storage.open(wrong)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered HTTP 403").hasMessageContaining("access key");
    }
}
