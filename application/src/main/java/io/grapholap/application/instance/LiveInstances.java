package io.grapholap.application.instance;

import io.grapholap.application.security.Actor;
import java.util.List;

/**
 * The running instances of this server, for the data plane and UDF code. {@link #use} records
 * activity (it resets the inactivity timeout).
 */
public interface LiveInstances {

    /**
     * The running instance {@code instanceId} for {@code actor}.
     *
     * @throws io.grapholap.domain.error.NotFoundException when there is no such instance
     * @throws io.grapholap.domain.error.ConflictException code {@code INVALID_STATE} when it is not running
     */
    LiveInstance use(long instanceId, Actor actor);

    /**
     * The running instances {@code actor} may use, at most {@code limit} (what UDF code sees as
     * {@code session.instances()}). Does not record activity. The default knows of none: a registry
     * that can enumerate its instances overrides it.
     */
    default List<LiveInstance> list(Actor actor, int limit) {
        return List.of();
    }

    /**
     * Records that a mutate run stored {@code property} on the graph of instance {@code instanceId},
     * so that a reload after a restart, which loses it, can say so. The default keeps nothing: a
     * registry backed by the instance repository overrides it.
     */
    default void propertyStored(long instanceId, String property) {
    }
}
