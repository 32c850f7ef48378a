package io.grapholap.application.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.common.Page;
import io.grapholap.application.instance.InstanceRepository.NewInstance;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every InstanceRepository must do: run against the in-memory one of the application tests and
 * against the JDBC one on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InstanceRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final Instant MICROS = Instant.parse("2026-03-01T10:00:00.123456Z");

    private InstanceRepository repository;

    /** The repository under test, over an empty store. */
    protected abstract InstanceRepository open();

    /** Releases what {@link #open} took. */
    protected void close() {
    }

    @BeforeAll
    void start() {
        repository = open();
    }

    @AfterAll
    void stop() {
        close();
    }

    private Instance create(String name, String owner, long snapshotId, InstanceStatus status, long memory) {
        return repository.create(new NewInstance(snapshotId, null, null, name, "about " + name, owner, status, "cpu", 2,
                memory, new Lifecycle(Duration.ofHours(24), Duration.ofHours(4)), T0.plus(Duration.ofHours(24)), T0));
    }

    @Test
    void storesEveryFieldAndWalksItsStatusesByCompareAndSet() {
        Instance i = create("walk", "alice", 1, InstanceStatus.STARTING, 1000);
        assertThat(i.id()).isPositive();
        assertThat(i.snapshotId()).isEqualTo(1L);
        assertThat(i.engine()).isEqualTo("cpu");
        assertThat(i.cpuCores()).isEqualTo(2);
        assertThat(i.memoryBytes()).isEqualTo(1000);
        assertThat(i.lifecycle()).isEqualTo(new Lifecycle(Duration.ofHours(24), Duration.ofHours(4)));
        assertThat(i.createdAt()).isEqualTo(MICROS);
        assertThat(i.expiresAt()).isEqualTo(MICROS.plus(Duration.ofHours(24)));
        assertThat(i.lastActivityAt()).isNull();

        assertThat(repository.transition(i.id(), InstanceStatus.STARTING, InstanceStatus.RUNNING, null, T0)).isTrue();
        assertThat(repository.transition(i.id(), InstanceStatus.STARTING, InstanceStatus.RUNNING, null, T0)).isFalse();
        assertThat(repository.transition(i.id(), InstanceStatus.RUNNING, InstanceStatus.TERMINATED, null, T0))
                .as("running must pass through stopping").isFalse();
        assertThat(repository.withStatus(EnumSet.of(InstanceStatus.RUNNING))).extracting(Instance::id).contains(i.id());
        assertThat(repository.transition(i.id(), InstanceStatus.RUNNING, InstanceStatus.STOPPING, null, T0)).isTrue();
        assertThat(repository.transition(i.id(), InstanceStatus.STOPPING, InstanceStatus.TERMINATED, "expired", T0)).isTrue();
        Instance done = repository.find(i.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(InstanceStatus.TERMINATED);
        assertThat(done.errorMessage()).isEqualTo("expired");
        assertThat(repository.delete(i.id())).isTrue();
        assertThat(repository.find(i.id())).isEmpty();
        assertThat(repository.delete(i.id())).isFalse();
    }

    @Test
    void placesAnInstanceOnANodeByCompareAndSet() {
        Instance placed = repository.create(new NewInstance(1L, null, null, "placed", "", "alice", InstanceStatus.STARTING,
                "cpu", 1, 10, Lifecycle.NONE, null, T0, "node-a"));
        assertThat(repository.find(placed.id()).orElseThrow().nodeId()).isEqualTo("node-a");
        Instance waiting = create("unplaced", "alice", 1, InstanceStatus.WAITING_FOR_SNAPSHOT, 0);
        assertThat(waiting.nodeId()).isNull();
        assertThat(repository.place(waiting.id(), "node-a", "node-b", T0)).as("not on node-a").isFalse();
        assertThat(repository.place(waiting.id(), null, "node-b", T0)).isTrue();
        assertThat(repository.place(waiting.id(), null, "node-a", T0)).as("already placed").isFalse();
        assertThat(repository.find(waiting.id()).orElseThrow().nodeId()).isEqualTo("node-b");
        assertThat(repository.place(placed.id(), "node-a", "node-b", T0)).isTrue();
        assertThat(repository.find(placed.id()).orElseThrow().nodeId()).isEqualTo("node-b");
    }

    @Test
    void keepsADatasetInstanceWithItsDirectory() {
        Instance i = repository.create(new NewInstance(null, "people", "/data/datasets/people/3", "ds", "", "erin",
                InstanceStatus.STARTING, "gpu", 1, 5, Lifecycle.NONE, null, T0));
        Instance found = repository.find(i.id()).orElseThrow();
        assertThat(found.snapshotId()).isNull();
        assertThat(found.datasetId()).isEqualTo("people");
        assertThat(found.dataDirectory()).isEqualTo("/data/datasets/people/3");
        assertThat(found.engine()).isEqualTo("gpu");
        assertThat(found.expiresAt()).isNull();
        assertThat(found.lifecycle()).isEqualTo(Lifecycle.NONE);
    }

    @Test
    void touchKeepsTheLatestActivity() {
        Instance i = create("touch", "alice", 2, InstanceStatus.RUNNING, 0);
        repository.touch(i.id(), T0.plusSeconds(60));
        repository.touch(i.id(), T0.plusSeconds(30));
        assertThat(repository.find(i.id()).orElseThrow().lastActivityAt()).isEqualTo(MICROS.plusSeconds(60));
    }

    @Test
    void updatesNameLifecycleCpuAndMemory() {
        Instance i = create("edit", "bob", 3, InstanceStatus.WAITING_FOR_SNAPSHOT, 0);
        assertThat(repository.update(i.id(), "edited", "new", T0).name()).isEqualTo("edited");
        Instance extended = repository.setLifecycle(i.id(), new Lifecycle(Duration.ofHours(48), null), T0.plus(Duration.ofHours(48)), T0);
        assertThat(extended.lifecycle()).isEqualTo(new Lifecycle(Duration.ofHours(48), null));
        assertThat(extended.expiresAt()).isEqualTo(MICROS.plus(Duration.ofHours(48)));
        assertThat(repository.setCpuCores(i.id(), 4, T0).cpuCores()).isEqualTo(4);
        repository.setMemory(i.id(), 777, T0);
        Instance after = repository.find(i.id()).orElseThrow();
        assertThat(after.memoryBytes()).isEqualTo(777);
    }

    @Test
    void countsLiveInstancesAndTheirMemory() {
        long liveBefore = repository.countLive();
        long carolBefore = repository.countLiveOf("carol");
        create("c1", "carol", 40, InstanceStatus.RUNNING, 100);
        create("c2", "carol", 40, InstanceStatus.STARTING, 50);
        Instance gone = create("c3", "carol", 41, InstanceStatus.WAITING_FOR_SNAPSHOT, 7);
        repository.transition(gone.id(), InstanceStatus.WAITING_FOR_SNAPSHOT, InstanceStatus.FAILED, "snapshot failed", T0);
        assertThat(repository.countLive()).isEqualTo(liveBefore + 2);
        assertThat(repository.countLiveOf("carol")).isEqualTo(carolBefore + 2);
        assertThat(repository.withStatus(InstanceStatus.LIVE)).filteredOn(i -> i.owner().equals("carol") && i.snapshotId() == 40)
                .extracting(Instance::memoryBytes).contains(100L, 50L);
        assertThat(repository.liveCountByOwner()).containsEntry("carol", carolBefore + 2);
        assertThat(repository.countByStatus()).containsKeys("running", "starting", "failed");
        assertThat(repository.ofSnapshots(List.of(40L, 41L))).hasSize(3);
        assertThat(repository.ofSnapshots(List.of())).isEmpty();
    }

    @Test
    void listsWithFiltersSortAndPages() {
        create("Zeta dave", "dave", 50, InstanceStatus.RUNNING, 0);
        create("alpha dave", "dave", 51, InstanceStatus.STARTING, 0);
        create("beta_dave", "dave", 50, InstanceStatus.RUNNING, 0);
        Page<Instance> byName = repository.list(new InstanceQuery(null, "dave", null, null, null, null, null),
                new PageRequest(0, 2, "name", false));
        assertThat(byName.total()).isEqualTo(3);
        assertThat(byName.items()).extracting(Instance::name).containsExactly("alpha dave", "beta_dave");
        assertThat(repository.list(new InstanceQuery(50L, "dave", InstanceStatus.RUNNING, null, null, null, null),
                new PageRequest(0, 10, "created_at", true)).total()).isEqualTo(2);
        assertThat(repository.list(new InstanceQuery(null, "dave", null, "A_D", null, null, null),
                new PageRequest(0, 10, "created_at", true)).items()).extracting(Instance::name).containsExactly("beta_dave");
        assertThat(repository.list(new InstanceQuery(null, null, null, null, "Zeta", null, null),
                new PageRequest(0, 10, "created_at", true)).items()).extracting(Instance::name).containsExactly("Zeta dave");
        assertThat(repository.list(new InstanceQuery(null, "dave", null, null, null, T0.plusSeconds(1), null),
                new PageRequest(0, 10, "expires_at", true)).total()).isZero();
    }
}
