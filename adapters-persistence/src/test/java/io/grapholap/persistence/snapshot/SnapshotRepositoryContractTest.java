package io.grapholap.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.mapping.MappingRepository.NewMapping;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotRepository.NewSnapshot;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every SnapshotRepository must do, run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotRepositoryContractTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private MetadataDatabases.Running database;
    private SnapshotRepository repository;
    private long mappingId;

    abstract MetadataDatabases database();

    @BeforeAll
    void start() {
        database = database().start();
        repository = database.bean(SnapshotRepository.class);
        MappingDefinition definition = new MappingDefinition(List.of(new NodeDefinition("Person", "SELECT id FROM people",
                new PropertyDefinition("id", PropertyType.INT64), List.of())), List.of());
        mappingId = database.bean(MappingRepository.class).create(new NewMapping("m", "", "alice", Lifecycle.NONE, definition,
                "", T0)).id().value();
    }

    @AfterAll
    void stop() {
        database.close();
    }

    private Snapshot create(String name, String owner) {
        return repository.create(new NewSnapshot(mappingId, 1, name, "about " + name, owner,
                new Lifecycle(Duration.ofHours(24), null), T0));
    }

    @Test
    void walksThroughItsStatusesByCompareAndSet() {
        Snapshot s = create("walk", "alice");
        assertThat(s.status()).isEqualTo(SnapshotStatus.PENDING);
        assertThat(s.lifecycle().ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(repository.transition(s.id(), SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0)).isTrue();
        assertThat(repository.transition(s.id(), SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0)).isFalse();
        assertThat(repository.withStatus(EnumSet.of(SnapshotStatus.CREATING))).extracting(Snapshot::id).contains(s.id());

        ExportProgress progress = new ExportProgress(List.of(new ExportProgress.Step("node:Person", ExportProgress.StepStatus.RUNNING, 42)), T0);
        assertThat(repository.saveProgress(s.id(), progress)).isTrue();
        assertThat(repository.progress(s.id())).contains(progress);

        assertThat(repository.markReady(s.id(), Map.of("Person", 3L), Map.of("KNOWS", 2L), 1234, T0)).isTrue();
        Snapshot ready = repository.find(s.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(SnapshotStatus.READY);
        assertThat(ready.nodeCounts()).isEqualTo(Map.of("Person", 3L));
        assertThat(ready.edgeCounts()).isEqualTo(Map.of("KNOWS", 2L));
        assertThat(ready.sizeBytes()).isEqualTo(1234);
        assertThat(repository.transition(s.id(), SnapshotStatus.READY, SnapshotStatus.FAILED, "x", T0)).isFalse();
    }

    @Test
    void failsWithAMessageAndIsDeleted() {
        Snapshot s = create("doomed", "bob");
        repository.transition(s.id(), SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0);
        assertThat(repository.transition(s.id(), SnapshotStatus.CREATING, SnapshotStatus.FAILED, "boom", T0)).isTrue();
        assertThat(repository.find(s.id()).orElseThrow().errorMessage()).isEqualTo("boom");
        assertThat(repository.delete(s.id())).isTrue();
        assertThat(repository.find(s.id())).isEmpty();
        assertThat(repository.saveProgress(s.id(), new ExportProgress(List.of(), T0))).isFalse();
    }

    @Test
    void listsWithFiltersAndCountsPerMapping() {
        create("alpha report", "carol");
        create("beta", "carol");
        create("gamma", "dave");
        var carol = repository.list(new SnapshotQuery(mappingId, 1, "carol", null, null, null, null),
                new PageRequest(0, 10, "name", false));
        assertThat(carol.items()).extracting(Snapshot::name).containsExactly("alpha report", "beta");
        assertThat(carol.total()).isEqualTo(2);
        var search = repository.list(new SnapshotQuery(null, null, null, SnapshotStatus.PENDING, "REPORT", null, null),
                new PageRequest(0, 10, "created_at", true));
        assertThat(search.items()).extracting(Snapshot::name).containsExactly("alpha report");
        assertThat(repository.countOfMapping(mappingId)).isEqualTo(repository.ofMapping(mappingId).size()).isGreaterThanOrEqualTo(3);
        Snapshot renamed = repository.update(carol.items().get(1).id(), "beta 2", "new", T0);
        assertThat(renamed.name()).isEqualTo("beta 2");
        assertThat(repository.setLifecycle(renamed.id(), new Lifecycle(null, Duration.ofHours(1)), T0).lifecycle())
                .isEqualTo(new Lifecycle(null, Duration.ofHours(1)));
    }

    static final class OnH2 extends SnapshotRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends SnapshotRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
