package io.grapholap.application.dataset;

import io.grapholap.application.security.Actor;
import java.util.List;

/**
 * Datasets, as UDFs and instances name them: every ready snapshot (id {@code snapshot-<id>} or its
 * number) and every uploaded graph (its name). Resolving gives the immutable version to load.
 */
public interface DatasetCatalog {

    /**
     * The current version of dataset {@code datasetId}.
     *
     * @throws io.grapholap.domain.error.NotFoundException when there is none (or it is not ready)
     */
    DatasetRef resolve(String datasetId, Actor actor);

    /**
     * The datasets {@code actor} may load, newest first, at most {@code limit}; their directories
     * need not be on this node yet ({@link #resolve} gives a loadable one).
     */
    List<DatasetRef> list(Actor actor, int limit);
}
