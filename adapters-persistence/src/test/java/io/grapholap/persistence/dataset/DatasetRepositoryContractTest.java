package io.grapholap.persistence.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.dataset.DatasetRepository;
import io.grapholap.application.dataset.DatasetRepository.NewDataset;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every DatasetRepository must do, run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatasetRepositoryContractTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private MetadataDatabases.Running database;
    private DatasetRepository repository;

    abstract MetadataDatabases database();

    @BeforeAll
    void start() {
        database = database().start();
        repository = database.bean(DatasetRepository.class);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    private Dataset create(String name) {
        return repository.create(new NewDataset(new DatasetName(name), "about " + name, "alice", T0));
    }

    @Test
    void namesAreUnique() {
        Dataset d = create("social");
        assertThat(d.currentVersion()).isZero();
        assertThat(repository.findByName(new DatasetName("social"))).contains(d);
        assertThat(repository.find(d.id())).contains(d);
        assertThatThrownBy(() -> create("social")).isInstanceOf(ConflictException.class).hasMessageContaining("social");
    }

    @Test
    void publishesVersionsInOrderByCompareAndSet() {
        Dataset d = create("versions");
        DatasetVersion v1 = new DatasetVersion(d.id(), 1, "v1-a", Map.of("User", 2L), Map.of(), 100, "alice", T0.plusSeconds(1));
        DatasetVersion v2 = new DatasetVersion(d.id(), 2, "v2-b", Map.of("User", 3L), Map.of("follows", 1L), 200, "bob", T0.plusSeconds(2));
        assertThat(repository.publish(v2)).as("version 2 before 1").isFalse();
        assertThat(repository.publish(v1)).isTrue();
        assertThat(repository.publish(v1)).as("version 1 twice").isFalse();
        assertThat(repository.publish(v2)).isTrue();
        Dataset now = repository.find(d.id()).orElseThrow();
        assertThat(now.currentVersion()).isEqualTo(2);
        assertThat(now.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:02.123456Z"));
        assertThat(repository.versions(d.id())).extracting(DatasetVersion::version).containsExactly(1, 2);
        DatasetVersion stored = repository.versions(d.id()).get(1);
        assertThat(stored.nodeCounts()).isEqualTo(Map.of("User", 3L));
        assertThat(stored.edgeCounts()).isEqualTo(Map.of("follows", 1L));
        assertThat(stored.sizeBytes()).isEqualTo(200);
        assertThat(stored.createdBy()).isEqualTo("bob");
        assertThat(stored.directory()).isEqualTo("v2-b");
        assertThat(repository.version(d.id(), 1)).contains(repository.versions(d.id()).getFirst());
        assertThat(repository.version(d.id(), 3)).isEmpty();
    }

    @Test
    void deletesAnOldVersionButNeverTheCurrentOne() {
        Dataset d = create("pruned");
        for (int v = 1; v <= 3; v++) {
            assertThat(repository.publish(new DatasetVersion(d.id(), v, "v" + v, Map.of(), Map.of(), 0, "alice", T0))).isTrue();
        }
        assertThat(repository.deleteVersion(d.id(), 3)).as("the current version").isFalse();
        assertThat(repository.deleteVersion(d.id(), 1)).isTrue();
        assertThat(repository.deleteVersion(d.id(), 1)).as("already deleted").isFalse();
        assertThat(repository.deleteVersion(d.id() + 1_000, 2)).as("no such dataset").isFalse();
        assertThat(repository.versions(d.id())).extracting(DatasetVersion::version).containsExactly(2, 3);
        assertThat(repository.find(d.id()).orElseThrow().currentVersion()).isEqualTo(3);
    }

    @Test
    void listsPagedAndDeletesWithVersions() {
        Dataset a = create("list-a");
        Dataset b = create("list-b");
        create("list-unpublished");
        repository.publish(new DatasetVersion(a.id(), 1, "v1-c", Map.of(), Map.of(), 0, "alice", T0));
        repository.publish(new DatasetVersion(b.id(), 1, "v1-d", Map.of(), Map.of(), 0, "alice", T0));
        var page = repository.list(new PageRequest(0, 1, "name", false));
        assertThat(page.items()).hasSize(1);
        var all = repository.list(new PageRequest(0, 100, "name", false));
        assertThat(all.items()).extracting(x -> x.name().value()).contains("list-a", "list-b")
                .doesNotContain("list-unpublished").isSorted();
        assertThat(page.total()).isEqualTo(all.items().size());
        assertThat(repository.delete(a.id())).isTrue();
        assertThat(repository.delete(a.id())).isFalse();
        assertThat(repository.find(a.id())).isEmpty();
        assertThat(repository.versions(a.id())).isEmpty();
    }

    static final class OnH2 extends DatasetRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends DatasetRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
