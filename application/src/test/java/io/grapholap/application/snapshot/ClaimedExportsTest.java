package io.grapholap.application.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.security.MutableClock;
import io.grapholap.application.snapshot.SnapshotRepository.NewSnapshot;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This node's share of the export work: claims at submission and by polling within its slots,
 * renews what it holds, notices a claim taken over, and resumes or fails exports whose node stopped.
 */
class ClaimedExportsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySnapshots snapshots = new InMemorySnapshots();
    private final InMemoryExportClaims claims = new InMemoryExportClaims(snapshots);
    /** The pool: queued jobs, run by the test. */
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final List<Long> exported = new ArrayList<>();

    private ClaimedExports node(String id, int slots, int maxAttempts, boolean resume) {
        return new ClaimedExports(claims, snapshots, new SnapshotDirectories(root), (snapshotId, job) -> queued.add(job),
                new ClaimedExports.Settings(id, LEASE, slots, maxAttempts, resume), clock);
    }

    private long pending() {
        return snapshots.create(new NewSnapshot(7, 1, "s", "", "alice", Lifecycle.NONE, T0)).id();
    }

    private Runnable export(long id) {
        return () -> exported.add(id);
    }

    private Snapshot snapshot(long id) {
        return snapshots.find(id).orElseThrow();
    }

    @Test
    void aSubmittedExportIsClaimedAndHeldUntilItsJobEnds() {
        ClaimedExports a = node("a", 2, 3, true);
        long id = pending();
        a.submit(id, export(id));
        assertThat(claims.state(id)).contains(new ExportClaims.ClaimState("a", T0.plus(LEASE), 1));
        assertThat(a.holds(id)).isTrue();
        ClaimedExports b = node("b", 2, 3, true);
        b.submit(id, export(id));
        assertThat(queued).as("b cannot claim what a holds").hasSize(1);

        queued.poll().run();
        assertThat(exported).containsExactly(id);
        assertThat(a.holds(id)).isFalse();
    }

    @Test
    void pollingClaimsOnlyWhatFreeSlotsAllow() {
        ClaimedExports a = node("a", 1, 3, true);
        long first = pending();
        long second = pending();
        assertThat(a.poll(this::export)).isEqualTo(new ClaimedExports.Outcome(1, 0));
        assertThat(a.poll(this::export)).as("its one slot is taken").isEqualTo(new ClaimedExports.Outcome(0, 0));
        snapshots.transition(first, SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0);
        queued.poll().run();
        assertThat(a.poll(this::export)).isEqualTo(new ClaimedExports.Outcome(1, 0));
        queued.poll().run();
        assertThat(exported).containsExactly(first, second);
    }

    @Test
    void anExportWhoseNodeStoppedRenewingIsTakenOverAndItsOldHolderNoticesAndStops() {
        ClaimedExports a = node("a", 2, 3, true);
        ClaimedExports b = node("b", 2, 3, true);
        long id = pending();
        a.submit(id, export(id));
        snapshots.transition(id, SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0);

        clock.advance(Duration.ofSeconds(10));
        a.heartbeat();
        clock.advance(Duration.ofSeconds(25));
        assertThat(b.poll(this::export)).as("a renewed its lease 25 s ago").isEqualTo(new ClaimedExports.Outcome(0, 0));
        assertThat(a.confirm(id)).isTrue();

        clock.advance(Duration.ofSeconds(31));
        assertThat(b.poll(this::export)).isEqualTo(new ClaimedExports.Outcome(1, 0));
        assertThat(claims.state(id)).contains(new ExportClaims.ClaimState("b", clock.instant().plus(LEASE), 2));
        assertThat(snapshot(id).status()).as("pending again, for b's export").isEqualTo(SnapshotStatus.PENDING);
        assertThat(a.holds(id)).as("a has not heard yet").isTrue();
        a.heartbeat();
        assertThat(a.holds(id)).isFalse();
        assertThat(a.confirm(id)).isFalse();
        assertThat(b.holds(id)).isTrue();
    }

    @Test
    void anAbandonedExportFailsWithTheReasonWhenResumingIsOffOrItsAttemptsAreUsedUp() {
        long stopped = pending();
        claims.claim(stopped, "gone", T0, T0.plus(LEASE)).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(node("a", 2, 3, false).poll(this::export)).isEqualTo(new ClaimedExports.Outcome(0, 1));
        assertThat(snapshot(stopped).status()).isEqualTo(SnapshotStatus.FAILED);
        assertThat(snapshot(stopped).errorMessage()).contains("server stopped").contains("node gone");

        long tired = pending();
        claims.claim(tired, "x", clock.instant(), clock.instant().plus(LEASE)).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        claims.claim(tired, "y", clock.instant(), clock.instant().plus(LEASE)).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(node("a", 2, 2, true).poll(this::export)).isEqualTo(new ClaimedExports.Outcome(0, 1));
        assertThat(snapshot(tired).errorMessage()).isEqualTo("the export was claimed 2 times and never finished (last by node y); retry it");
        assertThat(queued).isEmpty();
    }
}
