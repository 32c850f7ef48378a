package io.grapholap.server.config;

import io.grapholap.application.dataset.ReconcileDatasetFiles;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once the server is up: removes the dataset files that uploads cut short by a stop left behind. */
@Singleton
final class DatasetReconciliation implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetReconciliation.class);

    private final ReconcileDatasetFiles reconcile;

    DatasetReconciliation(ReconcileDatasetFiles reconcile) {
        this.reconcile = reconcile;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int removed = reconcile.reconcile();
        if (removed > 0) {
            LOG.info("Removed {} dataset directories left by uploads that did not finish", removed);
        }
    }
}
