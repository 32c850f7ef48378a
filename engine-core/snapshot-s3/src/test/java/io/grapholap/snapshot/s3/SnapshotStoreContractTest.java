package io.grapholap.snapshot.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.snapshot.arrow.ArrowSnapshotReader;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SnapshotStore} promises, for snapshots and dataset versions alike: a published
 * snapshot is listed and reads back, checked, on another node; without its manifest it is not visible;
 * a corrupt or missing object is a {@code SNAPSHOT_INVALID} naming the file; deletes are complete.
 * Subclasses give two nodes' views of one store and a way to tamper with what it holds.
 */
public abstract class SnapshotStoreContractTest {

    private static final String MANIFEST = "manifest.json";

    private final BufferAllocator allocator = new RootAllocator();
    private final ArrowSnapshotWriterFactory writers = new ArrowSnapshotWriterFactory(allocator, 2, Clock.systemUTC());
    private final ArrowSnapshotReader reader = new ArrowSnapshotReader(allocator);

    /** The store as the node that writes sees it. */
    protected abstract SnapshotStore store();

    /** The same store as another server sees it (its own node-local copies). */
    protected abstract SnapshotStore otherNode();

    /** Overwrites what the store holds for {@code file} of {@code key}. */
    protected abstract void replaceObject(String key, String file, byte[] bytes) throws Exception;

    /** Removes what the store holds for {@code file} of {@code key}. */
    protected abstract void removeObject(String key, String file) throws Exception;

    /** The file names the store holds under {@code key} (recursively, relative to it), sorted. */
    protected abstract List<String> objects(String key) throws Exception;

    @AfterEach
    void noLeaks() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    /** Writes a small graph (3 people, 2 knows edges) into the store's staging directory and publishes it. */
    protected void publishSample(String key) {
        try (SnapshotWriter w = writers.create(store().staging(key), SnapshotSource.dataset("contract"))) {
            try (TableWriter t = w.beginNodes("person", ColumnSpec.of("id", ValueType.INT64),
                    List.of(ColumnSpec.of("name", ValueType.STRING)))) {
                t.append(1L, "ada");
                t.append(2L, "bob");
                t.append(3L, "cy");
            }
            try (TableWriter t = w.beginEdges("knows", "person", "person", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of())) {
                t.append(1L, 2L);
                t.append(2L, 3L);
            }
            w.finish();
        }
        store().publish(key);
    }

    private StoredGraph readOn(SnapshotStore node, String key) {
        return reader.read(node.localCopy(key), 1_000);
    }

    @Test
    void aPublishedSnapshotIsListedAndReadsBackOnAnotherNode() throws Exception {
        publishSample("7");

        assertThat(store().exists("7")).isTrue();
        assertThat(otherNode().exists("7")).isTrue();
        assertThat(otherNode().list("")).contains("7");
        assertThat(objects("7")).containsExactly("edges-0.arrow", MANIFEST, "nodes-0.arrow");
        StoredGraph graph = readOn(otherNode(), "7");
        assertThat(graph.nodes()).singleElement().satisfies(n -> {
            assertThat(n.label()).isEqualTo("person");
            assertThat(n.rows()).extracting(Arrays::asList)
                    .containsExactly(List.of(1L, "ada"), List.of(2L, "bob"), List.of(3L, "cy"));
        });
        assertThat(graph.edges()).singleElement().satisfies(e ->
                assertThat(e.rows()).extracting(Arrays::asList).containsExactly(List.of(1L, 2L), List.of(2L, 3L)));
        Path copy = otherNode().localCopy("7");
        assertThat(otherNode().localCopy("7")).isEqualTo(copy);
        assertThat(copy.resolve(MANIFEST)).isRegularFile();
    }

    @Test
    void aSnapshotWithoutItsManifestIsNotVisible() throws Exception {
        publishSample("8");
        removeObject("8", MANIFEST);

        assertThat(store().exists("8")).isFalse();
        assertThat(otherNode().exists("8")).isFalse();
        assertThatThrownBy(() -> readOn(otherNode(), "8")).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(MANIFEST));
    }

    @Test
    void anObjectOverwrittenWithOtherBytesOfTheSameSizeIsInvalidNamingTheFile() throws Exception {
        publishSample("9");
        byte[] original = original("9", "nodes-0.arrow");
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        replaceObject("9", "nodes-0.arrow", flipped);

        assertThatThrownBy(() -> readOn(otherNode(), "9")).isInstanceOfSatisfying(SnapshotCorruptException.class, e -> {
            assertThat(e.code()).isEqualTo("SNAPSHOT_INVALID");
            assertThat(e.file()).isEqualTo("nodes-0.arrow");
            assertThat(e.getMessage()).contains("SHA-256");
        });
    }

    @Test
    void anObjectOfAnotherSizeIsInvalidNamingTheFile() throws Exception {
        publishSample("10");
        replaceObject("10", "edges-0.arrow", "not an arrow file".getBytes());

        assertThatThrownBy(() -> readOn(otherNode(), "10")).isInstanceOfSatisfying(SnapshotCorruptException.class, e -> {
            assertThat(e.file()).isEqualTo("edges-0.arrow");
            assertThat(e.getMessage()).contains("the manifest says");
        });
    }

    @Test
    void aMissingObjectIsInvalidNamingTheFile() throws Exception {
        publishSample("11");
        removeObject("11", "edges-0.arrow");

        assertThatThrownBy(() -> readOn(otherNode(), "11")).isInstanceOfSatisfying(SnapshotCorruptException.class, e -> {
            assertThat(e.file()).isEqualTo("edges-0.arrow");
            assertThat(e.getMessage()).contains("missing");
        });
    }

    @Test
    void deletesAreCompleteForOneVersionAndForAWholeDataset() throws Exception {
        publishSample("3/v1-aaaa");
        publishSample("3/v2-bbbb");
        otherNode().localCopy("3/v1-aaaa");
        assertThat(store().list("3")).containsExactly("v1-aaaa", "v2-bbbb");

        otherNode().delete("3/v1-aaaa");
        assertThat(objects("3/v1-aaaa")).isEmpty();
        assertThat(otherNode().list("3")).containsExactly("v2-bbbb");
        assertThat(readOn(otherNode(), "3/v2-bbbb").nodes()).hasSize(1);

        store().delete("3");
        assertThat(objects("3")).isEmpty();
        assertThat(store().list("")).doesNotContain("3");
        assertThat(store().exists("3/v2-bbbb")).isFalse();
        assertThat(Files.exists(store().staging("3/v2-bbbb"))).isFalse();
    }

    @Test
    void deletingWhatIsNotThereIsFine() {
        store().delete("404");
        store().delete("404/v1-none");
        assertThat(store().exists("404")).isFalse();
        assertThat(store().modifiedAt("404")).isNull();
    }

    @Test
    void aHalfPublishedSnapshotIsListedForReconciliationAndRemovedCompletely() throws Exception {
        publishSample("12");
        removeObject("12", MANIFEST);

        assertThat(otherNode().list("")).contains("12");
        assertThat(otherNode().modifiedAt("12")).isNotNull();
        otherNode().delete("12");
        assertThat(objects("12")).isEmpty();
        assertThat(otherNode().list("")).doesNotContain("12");
    }

    @Test
    void keysThatCouldEscapeTheStoreAreRefused() {
        assertThatThrownBy(() -> store().staging("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete("a//b")).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] original(String key, String file) throws Exception {
        return Files.readAllBytes(store().staging(key).resolve(file));
    }
}
