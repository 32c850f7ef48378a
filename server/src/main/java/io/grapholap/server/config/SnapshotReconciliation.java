package io.grapholap.server.config;

import io.grapholap.application.snapshot.ClaimedExports;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.ReconcileSnapshots;
import io.grapholap.application.snapshot.SnapshotExporter;
import io.grapholap.server.settings.ExportProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server is up: a node alone on its metadata database (embedded H2, which one process
 * holds) ends its predecessor's export claims and resumes or fails those exports at once; then,
 * on any database, the {@code cluster} thread renews this node's claims and claims work
 * every {@code grapholap.export.claim-interval} (on a shared PostgreSQL database, the exports of a
 * node that stopped are taken over when their lease runs out). When the server begins to stop
 * (before any bean, such as the source pool, is closed), running exports are told so, so that
 * their failures are not blamed on the export.
 */
@Singleton
final class SnapshotReconciliation implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReconciliation.class);
    private static final Clock CLOCK = Clock.systemUTC();

    private final ReconcileSnapshots reconcile;
    private final ExportClaims claims;
    private final ClaimedExports exports;
    private final SnapshotExporter exporter;
    private final ScheduledExecutorService thread;
    private final ExportProperties settings;
    private final boolean alone;

    SnapshotReconciliation(ReconcileSnapshots reconcile, ExportClaims claims, ClaimedExports exports, SnapshotExporter exporter,
                           @Named("cluster") ScheduledExecutorService thread, ExportProperties settings,
                           @Value("${datasources.default.url}") String metadataUrl) {
        this.reconcile = reconcile;
        this.claims = claims;
        this.exports = exports;
        this.exporter = exporter;
        this.thread = thread;
        this.settings = settings;
        this.alone = metadataUrl.startsWith("jdbc:h2:");
    }

    @Singleton
    static final class StopExports implements ApplicationEventListener<ShutdownEvent> {
        private final SnapshotUseCasesFactory.ExecutorExportJobs jobs;

        StopExports(SnapshotUseCasesFactory.ExecutorExportJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            jobs.close();
        }
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (alone) {
            claims.expireAll(CLOCK.instant());
            ReconcileSnapshots.Outcome outcome = reconcile.reconcile();
            if (outcome.resumed() + outcome.failed() > 0) {
                LOG.info("Unfinished snapshot exports after restart: {} resumed, {} marked failed", outcome.resumed(), outcome.failed());
            }
        }
        long every = settings.claimInterval().toMillis();
        thread.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Export claims as node {} (lease {}, every {})", exports.settings().node(), settings.lease(), settings.claimInterval());
    }

    /** One round: renew what this node holds, then claim what it has room for. A failure waits for the next round. */
    private void tick() {
        try {
            exports.heartbeat();
            ClaimedExports.Outcome outcome = exports.poll(id -> () -> exporter.run(id));
            if (outcome.resumed() + outcome.failed() > 0) {
                LOG.info("Export claims: {} export(s) claimed, {} abandoned export(s) marked failed", outcome.resumed(), outcome.failed());
            }
        } catch (RuntimeException e) {
            LOG.warn("Export claim round failed: {}", e.toString());
        }
    }
}
