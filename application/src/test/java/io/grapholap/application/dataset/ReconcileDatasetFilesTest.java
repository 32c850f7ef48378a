package io.grapholap.application.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a stop mid-upload, only files of published versions of existing datasets remain. */
class ReconcileDatasetFilesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;

    /** One dataset, id 1, with version 1 published in directory {@code v1-aaaa}. */
    private static final class OneDataset implements DatasetRepository {
        @Override
        public Optional<Dataset> find(long id) {
            return id == 1 ? Optional.of(new Dataset(1, new DatasetName("kept"), "", "ann", 1, T0, T0)) : Optional.empty();
        }

        @Override
        public List<DatasetVersion> versions(long datasetId) {
            return datasetId == 1 ? List.of(new DatasetVersion(1, 1, "v1-aaaa", Map.of(), Map.of(), 0, "ann", T0)) : List.of();
        }

        @Override
        public Dataset create(NewDataset dataset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Dataset> findByName(DatasetName name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean publish(DatasetVersion version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DatasetVersion> version(long datasetId, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Dataset> list(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deleteVersion(long datasetId, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long id) {
            throw new UnsupportedOperationException();
        }
    }

    private void file(String path) throws Exception {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
    }

    @Test
    void removesUnpublishedAndOrphanedDirectories() throws Exception {
        file("1/v1-aaaa/manifest.json");
        file("1/v2-bbbb/manifest.json");
        file("1/.v2-cccc.tmp-123/nodes-0.arrow");
        file("7/v1-dddd/manifest.json");
        file("notes/readme.txt");

        int removed = new ReconcileDatasetFiles(new OneDataset(), new DatasetDirectories(root)).reconcile();

        assertThat(removed).isEqualTo(3);
        assertThat(root.resolve("1/v1-aaaa/manifest.json")).exists();
        assertThat(root.resolve("1/v2-bbbb")).doesNotExist();
        assertThat(root.resolve("1/.v2-cccc.tmp-123")).doesNotExist();
        assertThat(root.resolve("7")).doesNotExist();
        assertThat(root.resolve("notes/readme.txt")).as("not a dataset directory").exists();
    }
}
