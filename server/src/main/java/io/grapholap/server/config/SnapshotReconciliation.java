package io.grapholap.server.config;

import io.grapholap.application.snapshot.ReconcileSnapshots;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server is up: resumes or fails the exports a stopped server left unfinished. When the
 * server begins to stop (before any bean, such as the source pool, is closed), running exports are
 * told so, so that their failures are not blamed on the export.
 */
@Singleton
final class SnapshotReconciliation implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReconciliation.class);

    private final ReconcileSnapshots reconcile;

    SnapshotReconciliation(ReconcileSnapshots reconcile) {
        this.reconcile = reconcile;
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
        ReconcileSnapshots.Outcome outcome = reconcile.reconcile();
        if (outcome.resumed() + outcome.failed() > 0) {
            LOG.info("Unfinished snapshot exports after restart: {} resumed, {} marked failed", outcome.resumed(), outcome.failed());
        }
    }
}
