package io.grapholap.application.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.snapshot.SnapshotRepository.NewSnapshot;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every SnapshotRepository must do: run against the in-memory one of the application tests and
 * against the JDBC one on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SnapshotRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private SnapshotRepository repository;
    private long mappingId;

    /**
     * The repository under test over an empty store, and the id of a mapping that store holds (a
     * snapshot names its mapping).
     */
    public record Store(SnapshotRepository repository, long mappingId) {
    }

    protected abstract Store open();

    /** Releases what {@link #open} took. */
    protected void close() {
    }

    @BeforeAll
    void start() {
        Store store = open();
        repository = store.repository();
        mappingId = store.mappingId();
    }

    @AfterAll
    void stop() {
        close();
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
}
