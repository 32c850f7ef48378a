package io.grapholap.application.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.snapshot.ExportClaims.Claim;
import io.grapholap.application.snapshot.SnapshotRepository.NewSnapshot;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every ExportClaims must do: run by the JDBC one on H2 and PostgreSQL. The tests share one
 * store, so each test works on snapshots it created and on times of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExportClaimsContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private ExportClaims claims;
    private SnapshotRepository snapshots;
    private long mappingId;

    /** The claims and the snapshot repository under test over one empty store, and a mapping that store holds. */
    public record Store(ExportClaims claims, SnapshotRepository snapshots, long mappingId) {
    }

    protected abstract Store open();

    protected void close() {
    }

    @BeforeAll
    void start() {
        Store store = open();
        claims = store.claims();
        snapshots = store.snapshots();
        mappingId = store.mappingId();
    }

    @AfterAll
    void stop() {
        close();
    }

    private long pending(String name) {
        return snapshots.create(new NewSnapshot(mappingId, 1, name, "", "alice", Lifecycle.NONE, T0)).id();
    }

    @Test
    void aPendingSnapshotIsClaimedOnceAndItsLeaseRenewedOnlyByItsHolder() {
        long id = pending("once");
        assertThat(claims.claim(id, "node-a", T0, T0.plus(LEASE))).contains(new Claim(id, 1, null));
        assertThat(claims.claim(id, "node-b", T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE))).isEmpty();
        assertThat(claims.state(id)).contains(new ExportClaims.ClaimState("node-a", T0.plus(LEASE), 1));

        assertThat(claims.renew(Set.of(id), "node-b", T0.plusSeconds(60))).isEmpty();
        assertThat(claims.renew(Set.of(id), "node-a", T0.plusSeconds(60))).containsExactly(id);
        assertThat(claims.state(id).orElseThrow().leaseExpiresAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(claims.state(-1)).isEmpty();
        long other = pending("unclaimed");
        assertThat(claims.states(List.of(id, other, -1L))).containsOnlyKeys(id, other)
                .containsEntry(other, new ExportClaims.ClaimState(null, null, 0));
    }

    @Test
    void aClaimThatRanOutIsTakenOverAndCountedAndItsOldHolderCannotRenewIt() {
        long id = pending("taken over");
        claims.claim(id, "node-a", T0, T0.plus(LEASE)).orElseThrow();
        assertThat(snapshots.transition(id, SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0)).isTrue();
        Instant later = T0.plus(LEASE).plusSeconds(1);
        assertThat(claims.claim(id, "node-b", T0.plusSeconds(10), T0.plusSeconds(10).plus(LEASE))).as("lease still running").isEmpty();

        assertThat(claims.claim(id, "node-b", later, later.plus(LEASE))).contains(new Claim(id, 2, "node-a"));
        assertThat(snapshots.find(id).orElseThrow().status()).as("back to pending for the new holder").isEqualTo(SnapshotStatus.PENDING);
        assertThat(claims.renew(Set.of(id), "node-a", later.plusSeconds(60))).isEmpty();
        assertThat(claims.state(id)).contains(new ExportClaims.ClaimState("node-b", later.plus(LEASE), 2));
    }

    @Test
    void finishedSnapshotsAreNotClaimedAndARetryStartsTheAttemptsAgain() {
        long id = pending("finished");
        claims.claim(id, "node-a", T0, T0.plus(LEASE)).orElseThrow();
        snapshots.transition(id, SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, T0);
        snapshots.transition(id, SnapshotStatus.CREATING, SnapshotStatus.FAILED, "boom", T0);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        assertThat(claims.claim(id, "node-b", later, later.plus(LEASE))).isEmpty();
        assertThat(claims.renew(Set.of(id), "node-a", later)).isEmpty();

        assertThat(snapshots.transition(id, SnapshotStatus.FAILED, SnapshotStatus.PENDING, null, later)).isTrue();
        assertThat(claims.state(id)).contains(new ExportClaims.ClaimState(null, null, 0));
        assertThat(claims.claim(id, "node-b", later, later.plus(LEASE))).contains(new Claim(id, 1, null));
    }

    @Test
    void expiringAllClaimsLetsTheNextClaimTakeThemAtOnce() {
        long id = pending("expired");
        Instant at = T0.plus(Duration.ofDays(1));
        claims.claim(id, "node-a", at, at.plus(LEASE)).orElseThrow();
        assertThat(claims.expireAll(at.plusSeconds(1))).isPositive();
        assertThat(claims.claim(id, "node-b", at.plusSeconds(2), at.plusSeconds(2).plus(LEASE))).contains(new Claim(id, 2, "node-a"));
    }

    @Test
    void nodesClaimingAtOnceEachGetDifferentSnapshots() throws Exception {
        Instant now = T0.plus(Duration.ofDays(2));
        // Whatever else is claimable in the shared store is taken first, so what is left to claim is ours.
        int swept = 0;
        while (swept < 1000 && claims.claimNext("sweeper", now, now.plus(Duration.ofDays(365))).isPresent()) {
            swept++;
        }
        assertThat(claims.claimNext("sweeper", now, now.plus(LEASE))).isEmpty();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(pending("parallel " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Long>> node = () -> {
                List<Long> won = new ArrayList<>();
                Optional<Claim> c;
                while ((c = claims.claimNext(Thread.currentThread().getName(), now, now.plus(LEASE))).isPresent()) {
                    won.add(c.get().snapshotId());
                }
                return won;
            };
            Future<List<Long>> a = threads.submit(node);
            Future<List<Long>> b = threads.submit(node);
            List<Long> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            for (long id : created) {
                assertThat(claims.state(id).orElseThrow().attempts()).as("snapshot " + id).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
