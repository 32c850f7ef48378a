package io.grapholap.application.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.InMemoryPlatformConfig;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.MutableClock;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.grapholap.domain.user.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstanceUseCasesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Actor ALICE = new Actor("alice", Set.of(Role.ANALYST), Set.of());
    private static final Actor BOB = new Actor("bob", Set.of(Role.ANALYST), Set.of());
    private static final Actor OPS = new Actor("olga", Set.of(Role.OPS), Set.of());

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryInstances instances = new InMemoryInstances();
    private final Map<Long, Snapshot> snapshots = new HashMap<>();
    private final Queue<Runnable> jobs = new ArrayDeque<>();
    private final FakeEngine cpu = new FakeEngine("cpu");
    private final FakeEngine gpu = new FakeEngine("gpu", 1);
    private final InMemoryPlatformConfig config = new InMemoryPlatformConfig();
    private InstanceRegistry registry;
    private InstanceUseCases useCases;
    private long budget = 1_000_000;

    private final InstanceSources sources = new InstanceSources() {
        @Override
        public Optional<Snapshot> snapshot(long snapshotId) {
            return Optional.ofNullable(snapshots.get(snapshotId));
        }

        @Override
        public Snapshot createSnapshot(Actor actor, long mappingId, Integer version, String name) {
            if (mappingId != 7) {
                throw new NotFoundException("mapping", mappingId);
            }
            return InstanceUseCasesTest.this.snapshot(100 + snapshots.size(), SnapshotStatus.PENDING, name, actor.username());
        }

        @Override
        public Path directory(long snapshotId) {
            return Path.of("/snapshots", Long.toString(snapshotId));
        }
    };

    private final DatasetCatalog datasets = new DatasetCatalog() {
        @Override
        public DatasetRef resolve(String datasetId, Actor actor) {
            if (datasetId.equals("snapshot-1")) {
                return new DatasetRef("snapshot-1", 1, Path.of("/snapshots/1"), 1L);
            }
            if (!datasetId.equals("people")) {
                throw new NotFoundException("dataset", datasetId);
            }
            return new DatasetRef("people", 3, Path.of("/datasets/people/3"), null);
        }

        @Override
        public List<DatasetRef> list(Actor actor, int limit) {
            return List.of();
        }
    };

    @BeforeEach
    void setUp() {
        build();
    }

    private void build() {
        registry = new InstanceRegistry(instances, clock);
        useCases = new InstanceUseCases(instances, registry, sources, datasets,
                new EngineChoice(Map.of("cpu", cpu, "gpu", gpu), "cpu"), config, new InstanceSettings(budget, 8, 2),
                (id, load) -> jobs.add(load), InstancePlacement.alone("local", budget, Set.of("cpu", "gpu")), clock);
    }

    private Snapshot snapshot(long id, SnapshotStatus status, String name, String owner) {
        Snapshot s = new Snapshot(id, 7, 1, name, "", owner, status, status == SnapshotStatus.FAILED ? "source down" : null,
                Map.of(), Map.of(), 0, Lifecycle.NONE, T0, T0);
        snapshots.put(id, s);
        return s;
    }

    private void runJobs() {
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
    }

    private static InstanceUseCases.CreateRequest fromSnapshot(long id, String name) {
        return new InstanceUseCases.CreateRequest(id, null, null, null, null, name, null, null, null, null, null);
    }

    private Instance running(Actor owner, String name) {
        long id = 1 + snapshots.size();
        snapshot(id, SnapshotStatus.READY, "s" + id, owner.username());
        Instance created = useCases.create(owner, fromSnapshot(id, name));
        runJobs();
        return useCases.get(created.id());
    }

    private static void assertCode(Throwable e, String code) {
        assertThat(((DomainException) e).code()).isEqualTo(code);
    }

    @Test
    void aReadySnapshotLoadsInTheBackgroundThenRunsUntilTerminated() {
        snapshot(1, SnapshotStatus.READY, "s1", "alice");
        Instance created = useCases.create(ALICE, fromSnapshot(1, "first"));
        assertThat(created.status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(created.engine()).isEqualTo("cpu");
        assertThat(created.cpuCores()).isEqualTo(2);
        assertThat(created.memoryBytes()).isEqualTo(1_000);
        assertThat(created.lifecycle()).isEqualTo(new Lifecycle(Duration.ofHours(24), Duration.ofHours(4)));
        assertThat(created.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(useCases.progress(created.id()).phase()).isEqualTo("estimate");

        runJobs();
        assertThat(useCases.get(created.id()).status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(useCases.progress(created.id()).progressPercent()).isEqualTo(100);
        LiveInstance live = registry.use(created.id(), ALICE);
        assertThat(live.engine()).isEqualTo("cpu");
        assertThat(((FakeEngine.FakeGraph) live.graph()).dir).isEqualTo(Path.of("/snapshots/1"));
        assertThat(live.graph().parallelism()).isEqualTo(2);
        assertThatThrownBy(() -> registry.use(created.id(), BOB)).isInstanceOf(PermissionDeniedException.class);
        assertThat(registry.use(created.id(), OPS).id()).isEqualTo(created.id());

        Instance terminated = useCases.terminate(ALICE, created.id());
        assertThat(terminated.status()).isEqualTo(InstanceStatus.TERMINATED);
        assertThat(cpu.loaded.getFirst().closed).isTrue();
        assertThatThrownBy(() -> registry.use(created.id(), ALICE)).satisfies(e -> assertCode(e, "INVALID_STATE"));
        assertThatThrownBy(() -> useCases.terminate(ALICE, created.id())).satisfies(e -> assertCode(e, "INVALID_STATE"));
        assertThatThrownBy(() -> registry.use(999, ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void progressFollowsTheEngineWhileItLoads() {
        snapshot(1, SnapshotStatus.READY, "s1", "alice");
        Instance created = useCases.create(ALICE, fromSnapshot(1, "watched"));
        List<InstanceProgressView> seen = new java.util.ArrayList<>();
        cpu.duringLoad = () -> {
            clock.advance(Duration.ofSeconds(10));
            seen.add(useCases.progress(created.id()));
        };
        runJobs();
        InstanceProgressView mid = seen.getFirst();
        assertThat(mid.status()).isEqualTo("starting");
        assertThat(mid.phase()).isEqualTo("read_files");
        assertThat(mid.progressPercent()).isEqualTo(50);
        assertThat(mid.estimatedRemainingSeconds()).isEqualTo(10);
        assertThat(mid.steps()).extracting(InstanceProgressView.Step::status)
                .containsExactly("completed", "running", "pending", "pending");
        assertThat(mid.steps().get(1).message()).isEqualTo("filling");
        InstanceProgressView done = useCases.progress(created.id());
        assertThat(done.phase()).isEqualTo("ready");
        assertThat(done.estimatedRemainingSeconds()).isZero();
    }

    @Test
    void refusesSnapshotsThatAreMissingOrNotReadyAndBadInput() {
        snapshot(1, SnapshotStatus.CREATING, "s1", "alice");
        assertThatThrownBy(() -> useCases.create(ALICE, fromSnapshot(1, "x"))).satisfies(e -> assertCode(e, "INVALID_STATE"));
        assertThatThrownBy(() -> useCases.create(ALICE, fromSnapshot(2, "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new InstanceUseCases.CreateRequest(1L, 7L, null, null, null, "x", null, null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new InstanceUseCases.CreateRequest(1L, null, 2, null, null, "x", null, null, null, null, null))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("mapping_version"));
        assertThatThrownBy(() -> new InstanceUseCases.CreateRequest(1L, null, null, null, null, " ", null, null, null, null, null))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("name"));
        snapshot(3, SnapshotStatus.READY, "s3", "alice");
        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(3L, null, null, null, null, "x", null,
                null, null, "tpu", null))).satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("engine"));
        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(3L, null, null, null, null, "x", null,
                null, null, null, 9))).satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("cpu_cores"));
        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(3L, null, null, null, null, "x", null,
                "P30D", null, null, null))).satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("ttl"));
        assertThat(instances.rows).isEmpty();
    }

    @Test
    void fromAMappingWaitsForItsSnapshotThenStarts() {
        Instance waiting = useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, 7L, null, "snap", null, "from map",
                null, null, null, null, null));
        assertThat(waiting.status()).isEqualTo(InstanceStatus.WAITING_FOR_SNAPSHOT);
        assertThat(snapshots.get(waiting.snapshotId()).name()).isEqualTo("snap");
        assertThat(useCases.progress(waiting.id()).phase()).isEqualTo("waiting_for_snapshot");
        assertThat(useCases.advanceWaiting()).isZero();
        assertThat(jobs).isEmpty();

        snapshot(waiting.snapshotId(), SnapshotStatus.READY, "snap", "alice");
        assertThat(useCases.advanceWaiting()).isEqualTo(1);
        assertThat(useCases.get(waiting.id()).status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(useCases.get(waiting.id()).memoryBytes()).isEqualTo(1_000);
        runJobs();
        assertThat(useCases.get(waiting.id()).status()).isEqualTo(InstanceStatus.RUNNING);

        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, 8L, null, null, null, "x",
                null, null, null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailedOrDeletedSnapshotFailsTheWaitingInstanceWithItsReason() {
        Instance a = useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, 7L, null, null, null, "a", null, null, null, null, null));
        Instance b = useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, 7L, 1, null, null, "b", null, null, null, null, null));
        snapshot(a.snapshotId(), SnapshotStatus.FAILED, "a", "alice");
        snapshots.remove(b.snapshotId());
        assertThat(useCases.advanceWaiting()).isEqualTo(2);
        assertThat(useCases.get(a.id()).status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(useCases.get(a.id()).errorMessage()).contains("failed: source down");
        assertThat(useCases.get(b.id()).errorMessage()).contains("was deleted");
    }

    @Test
    void aLoadFailureFailsTheInstanceWithTheReason() {
        cpu.loadFailure = new IllegalStateException("manifest.json is unreadable");
        snapshot(1, SnapshotStatus.READY, "s1", "alice");
        Instance created = useCases.create(ALICE, fromSnapshot(1, "broken"));
        runJobs();
        Instance failed = useCases.get(created.id());
        assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("loading failed: manifest.json is unreadable");
        assertThat(useCases.progress(created.id()).phase()).isEqualTo("failed");
    }

    @Test
    void concurrencyLimitsPerAnalystAndClusterSayLimitAndCurrent() {
        config.updateConcurrency(new ConcurrencyConfig(2, 3), "test");
        running(ALICE, "a1");
        running(ALICE, "a2");
        snapshot(50, SnapshotStatus.READY, "s", "alice");
        assertThatThrownBy(() -> useCases.create(ALICE, fromSnapshot(50, "a3"))).satisfies(e -> {
            assertCode(e, "CONCURRENCY_LIMIT_EXCEEDED");
            assertThat(((DomainException) e).details()).containsEntry("limit", 2).containsEntry("current", 2L)
                    .containsEntry("scope", "analyst");
        });
        running(BOB, "b1");
        assertThatThrownBy(() -> useCases.create(BOB, fromSnapshot(50, "b2"))).satisfies(e -> {
            assertCode(e, "CONCURRENCY_LIMIT_EXCEEDED");
            assertThat(((DomainException) e).details()).containsEntry("limit", 3).containsEntry("current", 3L)
                    .containsEntry("scope", "cluster");
        });
        Instance a1 = instances.list(new InstanceQuery(null, "alice", null, null, "a1", null, null), new PageRequest(0, 10, "created_at", false)).items().getFirst();
        useCases.terminate(ALICE, a1.id());
        assertThat(useCases.create(ALICE, fromSnapshot(50, "a3")).status()).isEqualTo(InstanceStatus.STARTING);
    }

    @Test
    void memoryAdmissionCountsLiveInstancesAndSaysNeededAndAvailable() {
        budget = 2_400;
        build();
        running(ALICE, "one");
        snapshot(60, SnapshotStatus.READY, "s", "alice");
        assertThatThrownBy(() -> useCases.create(ALICE, fromSnapshot(60, "two"))).satisfies(e -> {
            assertCode(e, "MEMORY_LIMIT_EXCEEDED");
            assertThat(e).isInstanceOf(ConflictException.class);
            assertThat(((DomainException) e).details()).containsEntry("needed_bytes", 1_500L).containsEntry("available_bytes", 1_400L);
        });
        cpu.peakBytes = 1_400;
        assertThat(useCases.create(ALICE, fromSnapshot(60, "two")).memoryBytes()).isEqualTo(1_000);
    }

    @Test
    void cpuCoresChangeTheLiveGraphWithinBounds() {
        Instance i = running(ALICE, "cores");
        assertThat(useCases.setCpuCores(ALICE, i.id(), 4).cpuCores()).isEqualTo(4);
        assertThat(registry.use(i.id(), ALICE).graph().parallelism()).isEqualTo(4);
        assertThatThrownBy(() -> useCases.setCpuCores(ALICE, i.id(), 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> useCases.setCpuCores(ALICE, i.id(), 9)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> useCases.setCpuCores(BOB, i.id(), 2)).isInstanceOf(PermissionDeniedException.class);
        useCases.terminate(OPS, i.id());
        assertThatThrownBy(() -> useCases.setCpuCores(ALICE, i.id(), 2)).satisfies(e -> assertCode(e, "INVALID_STATE"));
    }

    @Test
    void extendingTheTtlBeyondTheMaxInstanceTtlIsRefused() {
        Instance i = running(ALICE, "ttl");
        assertThat(useCases.extend(ALICE, i.id(), 24).expiresAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThatThrownBy(() -> useCases.extend(ALICE, i.id(), 24 * 30)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("hours");
            assertThat(e.details()).containsEntry("max_expires_at", T0.plus(Duration.ofDays(7)).toString())
                    .containsEntry("max_hours", 24L * 5);
        });
        Instance toTheMax = useCases.extend(ALICE, i.id(), 24 * 5);
        assertThat(toTheMax.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(toTheMax.lifecycle().ttl()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> useCases.extend(ALICE, i.id(), 0)).satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("hours"));
        Instance set = useCases.setLifecycle(ALICE, i.id(), "PT2H", "PT30M");
        assertThat(set.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(set.lifecycle().inactivityTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> useCases.setLifecycle(ALICE, i.id(), "P8D", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theReaperTerminatesExpiredAndIdleInstancesOnly() {
        Instance expiring = running(ALICE, "expiring");
        useCases.setLifecycle(ALICE, expiring.id(), "PT1H", "PT10H");
        Instance idle = running(ALICE, "idle");
        useCases.setLifecycle(ALICE, idle.id(), "PT10H", "PT30M");
        Instance busy = running(ALICE, "busy");
        useCases.setLifecycle(ALICE, busy.id(), "PT10H", "PT30M");
        InstanceLifecycleJob reaper = new InstanceLifecycleJob(instances, registry, useCases, Duration.ofMinutes(1), clock);
        assertThat(reaper.name()).isEqualTo("lifecycle");

        clock.advance(Duration.ofMinutes(20));
        registry.use(busy.id(), ALICE);
        assertThat(reaper.run()).isEqualTo("terminated 0 expired and 0 idle instance(s)");
        assertThat(instances.find(busy.id()).orElseThrow().lastActivityAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));

        clock.advance(Duration.ofMinutes(15));
        assertThat(reaper.run()).isEqualTo("terminated 0 expired and 1 idle instance(s)");
        assertThat(useCases.get(idle.id()).status()).isEqualTo(InstanceStatus.TERMINATED);
        assertThat(useCases.get(idle.id()).errorMessage()).contains("inactivity timeout of PT30M");
        assertThat(useCases.get(busy.id()).status()).isEqualTo(InstanceStatus.RUNNING);

        clock.advance(Duration.ofMinutes(25));
        registry.use(busy.id(), ALICE);
        assertThat(reaper.run()).isEqualTo("terminated 1 expired and 0 idle instance(s)");
        assertThat(useCases.get(expiring.id()).errorMessage()).contains("TTL ended");
        assertThat(useCases.get(busy.id()).status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(cpu.loaded.stream().filter(g -> g.closed).count()).isEqualTo(2);
    }

    @Test
    void afterARestartLiveInstancesReloadOrFailWithAReason() {
        Instance kept = running(ALICE, "kept");
        Instance lost = running(ALICE, "lost");
        Instance half = running(ALICE, "half");
        instances.force(new Instance(half.id(), half.snapshotId(), null, null, half.name(), "", "alice", InstanceStatus.STARTING,
                "cpu", 2, 1_000, null, half.lifecycle(), half.expiresAt(), null, T0, T0, null));
        snapshots.remove(lost.snapshotId());
        build();
        ReconcileInstances.Outcome outcome = new ReconcileInstances(instances, useCases, clock).reconcile();
        assertThat(outcome).isEqualTo(new ReconcileInstances.Outcome(2, 1, 0));
        assertThat(useCases.get(kept.id()).status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(useCases.get(lost.id()).status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(useCases.get(lost.id()).errorMessage()).contains("server restarted").contains("was deleted");
        runJobs();
        assertThat(useCases.get(kept.id()).status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(useCases.get(half.id()).status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(registry.use(kept.id(), ALICE).id()).isEqualTo(kept.id());
    }

    @Test
    void autoPicksTheGpuOnlyWhenAvailableAndGpuSaysWhyNot() {
        snapshot(1, SnapshotStatus.READY, "s1", "alice");
        var auto = new InstanceUseCases.CreateRequest(1L, null, null, null, null, "auto", null, null, null, "auto", null);
        assertThat(useCases.create(ALICE, auto).engine()).isEqualTo("gpu");
        gpu.available = false;
        assertThat(useCases.create(ALICE, auto).engine()).isEqualTo("cpu");
        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(1L, null, null, null, null, "g",
                null, null, null, "gpu", null))).isInstanceOf(UnavailableException.class).hasMessageContaining("no device");
        runJobs();
        assertThat(registry.use(1, ALICE).engine()).isEqualTo("gpu");
    }

    @Test
    void aDatasetResolvesThroughTheCatalog() {
        Instance i = useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, null, null, null, "people", "ds", null,
                null, null, null, 1));
        assertThat(i.datasetId()).isEqualTo("people");
        runJobs();
        assertThat(((FakeEngine.FakeGraph) registry.use(i.id(), ALICE).graph()).dir).isEqualTo(Path.of("/datasets/people/3"));
        assertThatThrownBy(() -> useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, null, null, null, "nope", "ds",
                null, null, null, null, 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInstanceOfASnapshotDatasetDependsOnThatSnapshot() {
        Instance i = useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, null, null, null, "snapshot-1", "ds", null,
                null, null, null, 1));
        assertThat(i.datasetId()).isEqualTo("snapshot-1");
        assertThat(i.snapshotId()).isEqualTo(1L);
        assertThat(new InstanceDependants(instances).liveInstances(1L)).isEqualTo(1);
        assertThat(useCases.create(ALICE, new InstanceUseCases.CreateRequest(null, null, null, null, "people", "up", null,
                null, null, null, 1)).snapshotId()).isNull();
    }

    @Test
    void snapshotDependantsCountOnlyLiveInstances() {
        Instance i = running(ALICE, "dep");
        InstanceDependants dependants = new InstanceDependants(instances);
        assertThat(dependants.liveInstances(i.snapshotId())).isEqualTo(1);
        assertThat(dependants.instances(List.of(i.snapshotId())).get(i.snapshotId())).singleElement()
                .satisfies(leaf -> assertThat(leaf.status()).isEqualTo("running"));
        useCases.delete(ALICE, i.id());
        assertThat(dependants.liveInstances(i.snapshotId())).isZero();
        assertThat(cpu.loaded.getFirst().closed).isTrue();
    }

    @Test
    void nodesSharingTheMetadataPlaceLoadServeAndEndInstancesEachOnItsOwn() {
        var nodes = new io.grapholap.application.cluster.InMemoryClusterNodes();
        var registryA = new io.grapholap.application.cluster.NodeRegistry(nodes, "node-a", Duration.ofSeconds(30), clock);
        var registryB = new io.grapholap.application.cluster.NodeRegistry(nodes, "node-b", Duration.ofSeconds(30), clock);
        registryA.register(new io.grapholap.application.cluster.ClusterNode("node-a", "http://a:1", 4, 10_000, List.of("cpu"), T0, T0));
        registryB.register(new io.grapholap.application.cluster.ClusterNode("node-b", "http://b:2", 4, 2_000, List.of("cpu"), T0, T0));
        Queue<Runnable> jobsA = new ArrayDeque<>();
        Queue<Runnable> jobsB = new ArrayDeque<>();
        InstanceRegistry heldA = new InstanceRegistry(instances, clock);
        InstanceRegistry heldB = new InstanceRegistry(instances, clock);
        EngineChoice engines = new EngineChoice(Map.of("cpu", cpu), "cpu");
        InstanceUseCases a = new InstanceUseCases(instances, heldA, sources, datasets, engines, config,
                new InstanceSettings(10_000, 8, 2), (id, load) -> jobsA.add(load),
                InstancePlacement.shared(registryA, "node-a", 10_000, Set.of("cpu")), clock);
        InstanceUseCases b = new InstanceUseCases(instances, heldB, sources, datasets, engines, config,
                new InstanceSettings(2_000, 8, 2), (id, load) -> jobsB.add(load),
                InstancePlacement.shared(registryB, "node-b", 2_000, Set.of("cpu")), clock);
        snapshot(1, SnapshotStatus.READY, "s1", "alice");

        Instance first = b.create(ALICE, fromSnapshot(1, "first"));
        assertThat(first.nodeId()).as("the receiving node has room").isEqualTo("node-b");
        Instance second = b.create(ALICE, fromSnapshot(1, "second"));
        assertThat(second.nodeId()).as("node-b holds 1000 of 2000 bytes; the 1500-byte peak goes to node-a").isEqualTo("node-a");
        assertThat(jobsB).hasSize(1);
        assertThat(jobsA).as("node-a learns of it at its next poll").isEmpty();
        jobsB.poll().run();
        assertThat(a.followPlacements()).isEqualTo(1);
        assertThat(a.followPlacements()).as("scheduled once").isZero();
        jobsA.poll().run();
        assertThat(instances.find(second.id()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(heldA.holds(second.id())).isTrue();
        assertThat(b.servedElsewhere(second.id())).contains(new InstanceUseCases.Owner("node-a", "http://a:1"));
        assertThat(b.servedElsewhere(first.id())).isEmpty();
        assertThat(a.remoteUrl(instances.find(first.id()).orElseThrow())).contains("http://b:2");
        assertThatThrownBy(() -> heldB.use(second.id(), ALICE)).isInstanceOf(ConflictException.class);

        b.terminate(ALICE, second.id());
        assertThat(heldA.holds(second.id())).as("freed by its holder, not by the node that ended it").isTrue();
        assertThat(a.followPlacements()).isEqualTo(1);
        assertThat(heldA.holds(second.id())).isFalse();

        Instance third = a.create(ALICE, fromSnapshot(1, "third"));
        assertThat(third.nodeId()).isEqualTo("node-a");
        clock.advance(Duration.ofSeconds(31));
        registryB.heartbeat();
        assertThat(b.failOnDeadNodes()).isEqualTo(1);
        Instance lost = instances.find(third.id()).orElseThrow();
        assertThat(lost.status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(lost.errorMessage()).contains("node node-a", "stopped answering");
        assertThat(instances.find(first.id()).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);

        assertThatThrownBy(() -> b.create(ALICE, fromSnapshot(1, "no room"))).satisfies(e -> {
            assertCode(e, "MEMORY_LIMIT_EXCEEDED");
            assertThat(((DomainException) e).details()).containsEntry("needed_bytes", 1_500L)
                    .containsEntry("available_bytes", 1_000L);
        });
    }
}
