package io.grapholap.application.instance;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The graphs this server holds, by instance id, with the loads under way and the activity not yet
 * written. Everything here is bounded by the number of live instances (the concurrency limit).
 * {@link #use} records activity in memory; {@link #flushActivity()} writes it behind (the reaper
 * and the waiting-instance poller call it), so a request never waits for a metadata write.
 */
public final class InstanceRegistry implements LiveInstances {

    private final InstanceRepository repository;
    private final Clock clock;
    private final Map<Long, LiveInstance> live = new ConcurrentHashMap<>();
    private final Map<Long, Load> loads = new ConcurrentHashMap<>();
    private final Map<Long, Instant> activity = new ConcurrentHashMap<>();

    private final InstancePlacement placement;

    public InstanceRegistry(InstanceRepository repository, Clock clock) {
        this(repository, clock, null);
    }

    /** With {@code placement}, a use of an instance another node holds is refused naming that node's URL. */
    public InstanceRegistry(InstanceRepository repository, Clock clock, InstancePlacement placement) {
        this.repository = repository;
        this.clock = clock;
        this.placement = placement;
    }

    /**
     * The running instance for its owner, an ops user or an admin.
     *
     * @throws NotFoundException         when there is no such instance
     * @throws PermissionDeniedException when {@code actor} may not use it
     * @throws ConflictException         {@code INVALID_STATE} when it is not running, or another node holds it
     *                                   (naming that node's URL: the Gremlin Server endpoint is not proxied)
     */
    @Override
    public LiveInstance use(long instanceId, Actor actor) {
        LiveInstance running = live.get(instanceId);
        if (running == null) {
            Instance stored = repository.find(instanceId).orElseThrow(() -> new NotFoundException("instance", instanceId));
            requireUser(actor, stored.owner(), instanceId);
            var elsewhere = placement == null || !stored.status().live() ? Optional.<String>empty()
                    : placement.remoteUrl(stored);
            if (elsewhere.isPresent()) {
                throw ConflictException.invalidState("instance " + instanceId + " is held by node " + stored.nodeId()
                        + "; connect to " + elsewhere.get() + " to use it", Map.of("instance_id", instanceId,
                        "status", stored.status().wire(), "node_id", stored.nodeId(), "node_url", elsewhere.get()));
            }
            throw ConflictException.invalidState("instance " + instanceId + " is " + stored.status().wire() + ", not running",
                    Map.of("instance_id", instanceId, "status", stored.status().wire()));
        }
        requireUser(actor, running.owner(), instanceId);
        activity.put(instanceId, clock.instant());
        return running;
    }

    /** The running instances {@code actor} may use (own ones; all for ops and admins), by id, at most {@code limit}. */
    @Override
    public List<LiveInstance> list(Actor actor, int limit) {
        return live.values().stream()
                .filter(i -> actor.username().equals(i.owner()) || actor.has(Role.OPS))
                .sorted(java.util.Comparator.comparingLong(LiveInstance::id))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public void propertyStored(long instanceId, String property) {
        repository.addMutateProperty(instanceId, property);
    }

    private static void requireUser(Actor actor, String owner, long id) {
        if (!actor.username().equals(owner) && !actor.has(Role.OPS)) {
            throw new PermissionDeniedException("only the owner (" + owner + "), ops or an admin may use instance " + id);
        }
    }

    Optional<LiveInstance> running(long id) {
        return Optional.ofNullable(live.get(id));
    }

    void put(LiveInstance instance) {
        live.put(instance.id(), instance);
    }

    /** Forgets and frees the graph of {@code id}, if held. */
    void release(long id) {
        LiveInstance gone = live.remove(id);
        if (gone != null) {
            gone.graph().close();
        }
    }

    /** Stops every load and frees every graph (server shutdown; a restart reloads them). */
    public void closeAll() {
        loads.values().forEach(l -> l.cancel.cancel("stopped: the server is shutting down"));
        live.keySet().forEach(this::release);
    }

    /** Whether this server holds instance {@code id}'s graph or is loading it. */
    public boolean holds(long id) {
        return live.containsKey(id) || loads.containsKey(id);
    }

    /** The ids of the instances this node holds the graph of or is loading. */
    Set<Long> heldIds() {
        Set<Long> ids = new TreeSet<>(live.keySet());
        ids.addAll(loads.keySet());
        return ids;
    }

    /** Starts tracking a load: its progress and its termination flag. */
    Load startLoad(long id) {
        Load load = new Load(clock.instant());
        loads.put(id, load);
        return load;
    }

    void endLoad(long id) {
        loads.remove(id);
    }

    Optional<Load> load(long id) {
        return Optional.ofNullable(loads.get(id));
    }

    /** Activity recorded since the last flush, if any. */
    Optional<Instant> pendingActivity(long id) {
        return Optional.ofNullable(activity.get(id));
    }

    /** Writes the recorded activity to the repository; returns how many instances it touched. */
    public int flushActivity() {
        int n = 0;
        for (Long id : activity.keySet()) {
            Instant at = activity.remove(id);
            if (at != null) {
                repository.touch(id, at);
                n++;
            }
        }
        return n;
    }

    /**
     * One load under way: the step it is in ({@code estimate}, {@code read_files}, {@code build}),
     * the engine's fraction and message, and the flag that terminating the instance sets.
     */
    static final class Load implements ProgressListener {
        final Instant startedAt;
        final CancellationToken cancel = CancellationToken.create();
        volatile String step = "estimate";
        volatile double fraction;
        volatile String message = "";

        Load(Instant startedAt) {
            this.startedAt = startedAt;
        }

        /** Engine phases verify/nodes/edges read the files; reverse and later build the graph. */
        @Override
        public void progress(String phase, double fraction, String message) {
            this.step = switch (phase) {
                case "verify", "nodes", "edges" -> "read_files";
                default -> "build";
            };
            this.fraction = Math.max(0, Math.min(1, fraction));
            this.message = message == null ? "" : message;
        }
    }
}
