package io.grapholap.application.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.mapping.SourceDatabase.SourceQueryException;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.MutableClock;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import io.grapholap.domain.snapshot.ExportProgress.StepStatus;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.grapholap.domain.user.Role;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotExportTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Actor ALICE = new Actor("alice", Set.of(Role.ANALYST), Set.of());
    private static final Actor BOB = new Actor("bob", Set.of(Role.ANALYST), Set.of());

    // Person(id INT64, name STRING) x3, City(id INT64) x2, LIVES_IN(person_id, city_id, since DATE) x3
    private static final MappingDefinition DEFINITION = new MappingDefinition(
            List.of(new NodeDefinition("Person", "SELECT id, name FROM person", new PropertyDefinition("id", PropertyType.INT64),
                            List.of(new PropertyDefinition("name", PropertyType.STRING))),
                    new NodeDefinition("City", "SELECT id FROM city", new PropertyDefinition("id", PropertyType.INT64), List.of())),
            List.of(new EdgeDefinition("LIVES_IN", "Person", "City", "SELECT person_id, city_id, since FROM lives_in",
                    "person_id", "city_id", List.of(new PropertyDefinition("since", PropertyType.DATE)))));

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySnapshots snapshots = new InMemorySnapshots();
    private final FakeSnapshotWriters writers = new FakeSnapshotWriters();
    private final Queue<Runnable> jobs = new ArrayDeque<>();
    private final Map<String, List<Object[]>> tables = new HashMap<>();
    private final Map<String, RuntimeException> failing = new HashMap<>();
    private final List<List<SourceRows.Column>> asked = new java.util.ArrayList<>();
    private Duration perRow = Duration.ZERO;
    private Path snapshotRoot;
    private SnapshotDirectories directories;
    private SnapshotUseCases useCases;
    private SnapshotExporter exporter;

    @BeforeEach
    void setUp() {
        tables.put("SELECT id, name FROM person", List.of(new Object[] {1L, "Ann"}, new Object[] {2L, "Ben"}, new Object[] {3L, null}));
        tables.put("SELECT id FROM city", List.of(new Object[] {10L}, new Object[] {20L}));
        tables.put("SELECT person_id, city_id, since FROM lives_in", List.of(new Object[] {1L, 10L, LocalDate.of(2020, 1, 1)},
                new Object[] {2L, 10L, null}, new Object[] {3L, 20L, LocalDate.of(2021, 5, 6)}));
        snapshotRoot = root.resolve("snapshots");
        directories = new SnapshotDirectories(snapshotRoot);
        build(ExportSettings.DEFAULTS);
    }

    private void build(ExportSettings settings) {
        build(settings, settings::timeLimit);
    }

    private void build(ExportSettings settings, java.util.function.Supplier<Duration> timeLimit) {
        SourceRows source = (sql, columns, fetchSize, sink) -> {
            asked.add(columns);
            if (failing.containsKey(sql)) {
                throw failing.get(sql);
            }
            for (Object[] row : tables.get(sql)) {
                clock.advance(perRow);
                sink.accept(row);
            }
        };
        exporter = new SnapshotExporter(snapshots, mappings(), source, writers, directories, (id, job) -> jobs.add(job),
                settings, timeLimit, clock);
        useCases = new SnapshotUseCases(snapshots, mappings(), exporter, directories, clock);
    }

    private static MappingRepository mappings() {
        Mapping mapping = new Mapping(new MappingId(7), "demo", "", "alice", 1, DEFINITION, Lifecycle.NONE, T0, T0);
        MappingVersion version = new MappingVersion(new MappingId(7), 1, DEFINITION, "", "alice", T0);
        return (MappingRepository) Proxy.newProxyInstance(MappingRepository.class.getClassLoader(),
                new Class<?>[] {MappingRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> ((MappingId) args[0]).value() == 7 ? Optional.of(mapping) : Optional.empty();
                    case "version" -> ((MappingId) args[0]).value() == 7 && (int) args[1] == 1 ? Optional.of(version) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void runJobs() {
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
    }

    private Snapshot create() {
        return useCases.create(ALICE, new SnapshotUseCases.CreateRequest(7L, "s1", null, null, "PT24H", null));
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(snapshotRoot)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(snapshotRoot)) {
            return paths.toList();
        }
    }

    @Test
    void exportsEveryDefinitionAndBecomesReadyWithCounts() throws IOException {
        Snapshot created = create();
        assertThat(created.status()).isEqualTo(SnapshotStatus.PENDING);
        assertThat(created.mappingVersion()).isEqualTo(1);

        runJobs();

        Snapshot ready = useCases.get(created.id());
        assertThat(ready.status()).isEqualTo(SnapshotStatus.READY);
        assertThat(ready.nodeCounts()).containsExactly(Map.entry("Person", 3L), Map.entry("City", 2L));
        assertThat(ready.edgeCounts()).containsExactly(Map.entry("LIVES_IN", 3L));
        assertThat(files()).containsExactly(snapshotRoot.resolve(Long.toString(created.id())));
        // edge key columns take the types of the endpoint labels' primary keys
        assertThat(asked.get(2)).containsExactly(new SourceRows.Column("person_id", PropertyType.INT64),
                new SourceRows.Column("city_id", PropertyType.INT64), new SourceRows.Column("since", PropertyType.DATE));
        assertThat(writers.tables.get("edge:LIVES_IN")).hasSize(3);

        SnapshotProgressView progress = SnapshotProgressView.of(ready, snapshots.progress(ready.id()).orElseThrow(), clock);
        assertThat(progress.phase()).isEqualTo("ready");
        assertThat(progress.progressPercent()).isEqualTo(100);
        assertThat(progress.steps()).extracting(s -> s.name() + "=" + s.status() + ":" + s.rows())
                .containsExactly("node:Person=COMPLETED:3", "node:City=COMPLETED:2", "edge:LIVES_IN=COMPLETED:3");
    }

    @Test
    void aFailingQueryFailsTheSnapshotNamingTheDefinitionAndLeavesNoFiles() throws IOException {
        failing.put("SELECT person_id, city_id, since FROM lives_in",
                new SourceQueryException("Table \"LIVES_IN\" not found", null));
        Snapshot created = create();
        runJobs();

        Snapshot failed = useCases.get(created.id());
        assertThat(failed.status()).isEqualTo(SnapshotStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("edge:LIVES_IN: Table \"LIVES_IN\" not found");
        assertThat(files()).isEmpty();
        assertThat(snapshots.progress(created.id()).orElseThrow().steps().get(2).status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void anExportPastItsTimeLimitFails() throws IOException {
        build(new ExportSettings(Duration.ofMinutes(1), 100, 1, Duration.ofSeconds(1), true));
        perRow = Duration.ofSeconds(30);
        Snapshot created = create();
        runJobs();

        Snapshot failed = useCases.get(created.id());
        assertThat(failed.status()).isEqualTo(SnapshotStatus.FAILED);
        assertThat(failed.errorMessage()).contains("time limit of PT1M");
        assertThat(files()).isEmpty();
    }

    @Test
    void theTimeLimitIsTheLiveValueWhenEachExportStarts() {
        java.util.concurrent.atomic.AtomicReference<Duration> live = new java.util.concurrent.atomic.AtomicReference<>(Duration.ofMinutes(1));
        build(new ExportSettings(Duration.ofHours(1), 100, 1, Duration.ofSeconds(1), true), live::get);
        perRow = Duration.ofSeconds(30);
        Snapshot tooSlow = create();
        runJobs();
        assertThat(useCases.get(tooSlow.id()).errorMessage()).contains("time limit of PT1M");

        live.set(Duration.ofMinutes(10));
        Snapshot inTime = create();
        runJobs();
        assertThat(useCases.get(inTime.id()).status()).isEqualTo(SnapshotStatus.READY);
    }

    @Test
    void retryIsOnlyForFailedSnapshotsAndExportsAgain() {
        failing.put("SELECT id FROM city", new SourceQueryException("connection refused", null));
        Snapshot created = create();
        assertThatThrownBy(() -> useCases.retry(ALICE, created.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));
        runJobs();
        assertThat(useCases.get(created.id()).status()).isEqualTo(SnapshotStatus.FAILED);
        assertThatThrownBy(() -> useCases.retry(BOB, created.id())).isInstanceOf(PermissionDeniedException.class);

        failing.clear();
        assertThat(useCases.retry(ALICE, created.id()).status()).isEqualTo(SnapshotStatus.PENDING);
        assertThat(useCases.progress(created.id()).steps()).as("the failed attempt's progress is not the retry's")
                .isNotEmpty().allSatisfy(step -> {
                    assertThat(step.rows()).isZero();
                    assertThat(step.status()).isEqualTo(ExportProgress.StepStatus.PENDING);
                });
        runJobs();
        Snapshot ready = useCases.get(created.id());
        assertThat(ready.status()).isEqualTo(SnapshotStatus.READY);
        assertThat(ready.errorMessage()).isNull();
    }

    @Test
    void deletingDuringTheExportStopsItAndRemovesItsFiles() throws IOException {
        Snapshot created = create();
        tables.put("SELECT id FROM city", List.of(new Object[] {10L}, new Object[] {20L}));
        build(new ExportSettings(Duration.ofHours(1), 100, 1, Duration.ofSeconds(1), true));
        SourceRows deleting = (sql, columns, fetchSize, sink) -> {
            useCases.delete(ALICE, created.id());
            sink.accept(new Object[] {1L, "Ann"});
        };
        new SnapshotExporter(snapshots, mappings(), deleting, writers, directories, (id, job) -> { }, exporter.settings(), clock)
                .run(created.id());

        assertThat(snapshots.find(created.id())).isEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesOrDeletes() {
        Snapshot created = create();
        assertThatThrownBy(() -> useCases.update(BOB, created.id(), "x", null)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> useCases.delete(BOB, created.id())).isInstanceOf(PermissionDeniedException.class);
        Actor admin = new Actor("root", Set.of(Role.ADMIN), Set.of());
        assertThat(useCases.update(admin, created.id(), "renamed", "d").name()).isEqualTo("renamed");
        assertThat(useCases.setLifecycle(ALICE, created.id(), null, "PT1H").lifecycle())
                .isEqualTo(new Lifecycle(Duration.ofHours(24), Duration.ofHours(1)));
    }

    @Test
    void restartResumesUnfinishedExportsFromScratch() throws IOException {
        Snapshot created = create();
        jobs.clear(); // the server stopped before the job ran
        snapshots.transition(created.id(), SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, clock.instant());
        Path leftover = snapshotRoot.resolve("." + created.id() + ".tmp-crashed");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("Person.arrow"), "half");

        var outcome = new ReconcileSnapshots(snapshots, exporter, directories, clock).reconcile();
        assertThat(outcome).isEqualTo(new ReconcileSnapshots.Outcome(1, 0));
        assertThat(useCases.get(created.id()).status()).isEqualTo(SnapshotStatus.PENDING);
        assertThat(files()).isEmpty();

        runJobs();
        assertThat(useCases.get(created.id()).status()).isEqualTo(SnapshotStatus.READY);
        assertThat(files()).containsExactly(snapshotRoot.resolve(Long.toString(created.id())));
    }

    @Test
    void restartWithoutResumeMarksUnfinishedExportsFailedWithTheReason() throws IOException {
        build(new ExportSettings(Duration.ofHours(1), 100, 100, Duration.ofSeconds(1), false));
        Snapshot pending = create();
        Snapshot creating = create();
        jobs.clear();
        snapshots.transition(creating.id(), SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, clock.instant());
        Files.createDirectories(snapshotRoot.resolve("." + creating.id() + ".tmp-crashed"));

        var outcome = new ReconcileSnapshots(snapshots, exporter, directories, clock).reconcile();

        assertThat(outcome).isEqualTo(new ReconcileSnapshots.Outcome(0, 2));
        for (long id : List.of(pending.id(), creating.id())) {
            Snapshot s = useCases.get(id);
            assertThat(s.status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(s.errorMessage()).isEqualTo(ReconcileSnapshots.STOPPED);
        }
        assertThat(files()).isEmpty();
        assertThat(jobs).isEmpty();
    }

    @Test
    void statusTransitionsFollowTheTable() {
        assertThat(SnapshotStatus.PENDING.canMoveTo(SnapshotStatus.CREATING)).isTrue();
        assertThat(SnapshotStatus.CREATING.canMoveTo(SnapshotStatus.READY)).isTrue();
        assertThat(SnapshotStatus.CREATING.canMoveTo(SnapshotStatus.FAILED)).isTrue();
        assertThat(SnapshotStatus.FAILED.canMoveTo(SnapshotStatus.PENDING)).isTrue();
        assertThat(SnapshotStatus.PENDING.canMoveTo(SnapshotStatus.READY)).isFalse();
        assertThat(SnapshotStatus.READY.canMoveTo(SnapshotStatus.FAILED)).isFalse();
        assertThat(SnapshotStatus.READY.canMoveTo(SnapshotStatus.PENDING)).isFalse();
    }
}
