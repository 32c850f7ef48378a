package io.grapholap.application.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.cluster.ClusterNode;
import io.grapholap.application.cluster.InMemoryClusterNodes;
import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.InMemoryPlatformConfig;
import io.grapholap.application.config.MaintenanceMode;
import io.grapholap.application.health.CheckReadiness;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cluster health from probes, jobs and maintenance; instance counts against the limits. */
class ReadClusterStatusTest {

    private static final Actor OPS = new Actor("olga", Set.of(Role.OPS), Set.of());

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final InMemoryPlatformConfig config = new InMemoryPlatformConfig();
    private final BackgroundJobs jobs = new BackgroundJobs(List.of(), executor, new JobRecords() {
        @Override
        public Map<String, JobRecord> load() {
            return Map.of();
        }

        @Override
        public void save(JobRecord record) {
        }
    }, JobLocks.IN_PROCESS, "here", Clock.systemUTC());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static ReadinessProbe probe(String name, boolean up, boolean critical) {
        return new ReadinessProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean critical() {
                return critical;
            }

            @Override
            public ProbeResult check() {
                return up ? ProbeResult.up("fine") : ProbeResult.down("unreachable");
            }
        };
    }

    private final InMemoryClusterNodes nodes = new InMemoryClusterNodes();

    private ReadClusterStatus status(List<ReadinessProbe> probes, Optional<InstanceCensus> census) {
        return new ReadClusterStatus(new CheckReadiness(probes), jobs, config, census,
                new NodeRegistry(nodes, "here", Duration.ofSeconds(30), Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void everyRegisteredNodeIsListedAliveOrDead() {
        Instant now = Instant.now();
        nodes.register(new ClusterNode("here", "http://here:8080", 4, 100, List.of("cpu"), now, now));
        nodes.register(new ClusterNode("there", "http://there:8080", 8, 200, List.of("cpu", "gpu"), now.minusSeconds(120),
                now.minusSeconds(60)));
        ReadClusterStatus status = status(List.of(), Optional.empty());
        assertThat(status.nodes(OPS)).extracting(n -> n.node().id() + " " + n.status() + " " + n.self())
                .containsExactly("here alive true", "there dead false");
        assertThat(status.health(OPS).components().get("nodes").detail()).isEqualTo("1 alive, 1 dead");
        assertThatThrownBy(() -> status.nodes(new Actor("ann", Set.of(Role.ANALYST), Set.of())))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void healthIsTheWorstOfItsParts() {
        assertThat(status(List.of(probe("metadata", true, true)), Optional.empty()).health(OPS).status()).isEqualTo("healthy");
        assertThat(status(List.of(probe("metadata", true, true), probe("gpu", false, false)), Optional.empty()).health(OPS).status())
                .isEqualTo("degraded");
        ReadClusterStatus.Health down = status(List.of(probe("metadata", false, true)), Optional.empty()).health(OPS);
        assertThat(down.status()).isEqualTo("unhealthy");
        assertThat(down.components().get("metadata").detail()).isEqualTo("unreachable");

        config.updateMaintenance(new MaintenanceMode(true, "upgrade", "olga", null), "olga");
        ReadClusterStatus.Health maintenance = status(List.of(probe("metadata", true, true)), Optional.empty()).health(OPS);
        assertThat(maintenance.status()).isEqualTo("degraded");
        assertThat(maintenance.components().get("maintenance").detail()).isEqualTo("upgrade");
    }

    @Test
    void instancesCountLiveOnesAgainstTheClusterLimit() {
        config.updateConcurrency(new ConcurrencyConfig(2, 10), "olga");
        InstanceCensus census = new InstanceCensus() {
            @Override
            public Map<String, Long> countByStatus() {
                return Map.of("running", 3L, "starting", 1L, "terminated", 7L);
            }

            @Override
            public Map<String, Long> liveCountByOwner() {
                return Map.of("sam", 3L, "ann", 1L);
            }

            @Override
            public long withoutEngine() {
                return 0;
            }

            @Override
            public Map<String, NodeLoad> liveByNode() {
                return Map.of("node-a", new NodeLoad(4, 100));
            }
        };
        assertThat(status(List.of(), Optional.of(census)).nodeLoads(OPS)).containsEntry("node-a", new InstanceCensus.NodeLoad(4, 100));
        ReadClusterStatus.Instances instances = status(List.of(), Optional.of(census)).instances(OPS);
        assertThat(instances.total()).isEqualTo(11);
        assertThat(instances.byStatus()).containsEntry("waiting_for_snapshot", 0L).containsEntry("running", 3L);
        assertThat(instances.limits()).isEqualTo(new ReadClusterStatus.Limits(2, 10, 4, 6));
        assertThat(instances.censusAvailable()).isTrue();

        ReadClusterStatus.Instances none = status(List.of(), Optional.empty()).instances(OPS);
        assertThat(none.censusAvailable()).isFalse();
        assertThat(none.limits().clusterAvailable()).isEqualTo(10);
        assertThatThrownBy(() -> status(List.of(), Optional.empty()).instances(new Actor("sam", Set.of(Role.ANALYST), Set.of())))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
