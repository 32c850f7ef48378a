package io.grapholap.application.instance;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.LifecycleConfig.ResourceLifecycle;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.common.ResourceText;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.grapholap.domain.user.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance use cases of the InstanceResource. An instance is made from a ready snapshot, from a
 * mapping (a snapshot is exported first: {@code waiting_for_snapshot} until it is ready) or from a
 * dataset; it then loads in the background ({@code starting}) and serves ({@code running}) until
 * terminated by its owner, ops, an admin or the lifecycle reaper. Before an instance is created the
 * concurrency limits ({@link PlatformConfig#concurrency()}) and the memory budget are checked; both
 * checks and the insert run under one lock, so two concurrent creates never both take the last slot.
 * Every authenticated user may read every instance; changes need the owner, ops or an admin.
 */
public final class InstanceUseCases {

    /** One line when a load starts, finishes (engine, memory, time) and fails (the reason), for operators. */
    private static final System.Logger LOG = System.getLogger(InstanceUseCases.class.getName());

    private static final long MAX_EXTEND_HOURS = 24L * 365;

    private final InstanceRepository instances;
    private final InstanceRegistry registry;
    private final InstanceSources sources;
    private final DatasetCatalog datasets;
    private final EngineChoice engines;
    private final PlatformConfig config;
    private final InstanceSettings settings;
    private final LoadJobs jobs;
    private final InstancePlacement placement;
    private final Clock clock;
    private final Object admission = new Object();
    /** Instances whose load is queued or under way on this node, so that none is scheduled twice. */
    private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();

    public InstanceUseCases(InstanceRepository instances, InstanceRegistry registry, InstanceSources sources,
                            DatasetCatalog datasets, EngineChoice engines, PlatformConfig config, InstanceSettings settings,
                            LoadJobs jobs, InstancePlacement placement, Clock clock) {
        this.instances = instances;
        this.registry = registry;
        this.sources = sources;
        this.datasets = datasets;
        this.engines = engines;
        this.config = config;
        this.settings = settings;
        this.jobs = jobs;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * What a client asks for: exactly one of {@code snapshotId}, {@code mappingId} (optionally with
     * {@code mappingVersion} and {@code snapshotName}) or {@code datasetId}. {@code engine} is
     * {@code cpu}, {@code gpu}, {@code auto} or null (server default); {@code cpuCores} null means
     * the server default.
     */
    public record CreateRequest(Long snapshotId, Long mappingId, Integer mappingVersion, String snapshotName,
                                String datasetId, String name, String description, String ttl, String inactivityTimeout,
                                String engine, Integer cpuCores) {
        public CreateRequest {
            int sources = (snapshotId == null ? 0 : 1) + (mappingId == null ? 0 : 1)
                    + (datasetId == null || datasetId.isBlank() ? 0 : 1);
            if (sources != 1) {
                throw new ValidationException("snapshot_id", "give exactly one of snapshot_id, mapping_id and dataset_id");
            }
            if (mappingId != null && mappingId < 1) {
                throw new ValidationException("mapping_id", "mapping_id must be a mapping's id (a positive number), got " + mappingId);
            }
            if (mappingVersion != null && mappingId == null) {
                throw new ValidationException("mapping_version", "mapping_version needs mapping_id");
            }
            if (mappingVersion != null && mappingVersion < 1) {
                throw new ValidationException("mapping_version", "mapping_version must be >= 1, got " + mappingVersion);
            }
            if (snapshotName != null) {
                try {
                    ResourceText.requireName(snapshotName);
                } catch (ValidationException e) {
                    throw new ValidationException("snapshot_name", e.getMessage().replace("name", "snapshot_name"));
                }
            }
            ResourceText.requireName(name);
            description = ResourceText.checkDescription(description);
        }
    }

    public Instance create(Actor actor, CreateRequest request) {
        Lifecycle lifecycle = lifecycle(request.ttl(), request.inactivityTimeout());
        EngineChoice.Chosen engine = engines.choose(request.engine());
        int cores = cores(request.cpuCores() == null ? settings.defaultCpuCores() : request.cpuCores());
        Instant now = clock.instant();
        Instant expiresAt = lifecycle.ttl() == null ? null : now.plus(lifecycle.ttl());
        synchronized (admission) {
            checkConcurrency(actor.username());
            Instance created;
            if (request.snapshotId() != null) {
                Snapshot snapshot = sources.snapshot(request.snapshotId())
                        .orElseThrow(() -> new NotFoundException("snapshot", request.snapshotId()));
                if (snapshot.status() != SnapshotStatus.READY) {
                    throw ConflictException.invalidState("snapshot " + snapshot.id() + " is " + snapshot.status().wire()
                            + "; an instance needs a ready snapshot", Map.of("snapshot_id", snapshot.id(),
                            "status", snapshot.status().wire()));
                }
                Admitted admitted = admit(engine.name(), engine.engine(), sources.manifestDirectory(snapshot.id()), cores, false);
                created = instances.create(new InstanceRepository.NewInstance(snapshot.id(), null, null,
                        request.name().trim(), request.description(), actor.username(), InstanceStatus.STARTING,
                        engine.name(), cores, admitted.memory(), lifecycle, expiresAt, now, admitted.nodeId()));
            } else if (request.mappingId() != null) {
                String snapshotName = request.snapshotName() == null ? request.name().trim() : request.snapshotName().trim();
                Snapshot snapshot = sources.createSnapshot(actor, request.mappingId(), request.mappingVersion(), snapshotName);
                created = instances.create(new InstanceRepository.NewInstance(snapshot.id(), null, null,
                        request.name().trim(), request.description(), actor.username(), InstanceStatus.WAITING_FOR_SNAPSHOT,
                        engine.name(), cores, 0, lifecycle, expiresAt, now));
                return created;
            } else {
                DatasetRef dataset = datasets.resolve(request.datasetId().trim(), actor);
                // Its files are this node's local copy, which it records: the instance stays on this node.
                Admitted admitted = admit(engine.name(), engine.engine(), dataset.directory(), cores, true);
                // A snapshot-<id> dataset records its snapshot too, so that the snapshot cannot be deleted under it.
                created = instances.create(new InstanceRepository.NewInstance(dataset.snapshotId(), dataset.id(),
                        dataset.directory().toString(), request.name().trim(), request.description(), actor.username(),
                        InstanceStatus.STARTING, engine.name(), cores, admitted.memory(), lifecycle, expiresAt, now,
                        admitted.nodeId()));
            }
            if (placement.mine(created)) {
                schedule(created.id());
            }
            return created;
        }
    }

    public Instance get(long id) {
        Instance stored = instances.find(id).orElseThrow(() -> new NotFoundException("instance", id));
        Optional<Instant> recent = registry.pendingActivity(id);
        if (recent.isPresent() && (stored.lastActivityAt() == null || recent.get().isAfter(stored.lastActivityAt()))) {
            return new Instance(stored.id(), stored.snapshotId(), stored.datasetId(), stored.dataDirectory(), stored.name(),
                    stored.description(), stored.owner(), stored.status(), stored.engine(), stored.cpuCores(),
                    stored.memoryBytes(), stored.errorMessage(), stored.lifecycle(), stored.expiresAt(), recent.get(),
                    stored.createdAt(), stored.updatedAt(), stored.notice(), stored.nodeId());
        }
        return stored;
    }

    public Page<Instance> list(InstanceQuery query, PageRequest page) {
        return instances.list(query, page);
    }

    public Instance update(Actor actor, long id, String name, String description) {
        Instance instance = owned(actor, id);
        String newName = name == null ? instance.name() : ResourceText.requireName(name).trim();
        String newDescription = description == null ? instance.description() : ResourceText.checkDescription(description);
        return instances.update(id, newName, newDescription, clock.instant());
    }

    /** Sets ttl (from creation; capped by the platform's max instance TTL) and/or inactivity timeout. */
    public Instance setLifecycle(Actor actor, long id, String ttl, String inactivityTimeout) {
        Instance instance = owned(actor, id);
        requireLive(instance, "change the lifecycle of");
        Lifecycle lifecycle = lifecycle(
                ttl == null ? text(instance.lifecycle().ttl()) : ttl,
                inactivityTimeout == null ? text(instance.lifecycle().inactivityTimeout()) : inactivityTimeout);
        Instant expiresAt = lifecycle.ttl() == null ? null : instance.createdAt().plus(lifecycle.ttl());
        return instances.setLifecycle(id, lifecycle, expiresAt, clock.instant());
    }

    /**
     * Moves the expiry {@code hours} later than the current one (or than now, when it has none). An
     * expiry beyond creation plus the platform's max instance TTL is refused (400 on {@code hours},
     * seed 001's {@code VALIDATION_FAILED}), with the latest allowed expiry in the details.
     */
    public Instance extend(Actor actor, long id, long hours) {
        if (hours < 1 || hours > MAX_EXTEND_HOURS) {
            throw new ValidationException("hours", "hours must be between 1 and " + MAX_EXTEND_HOURS + ", got " + hours);
        }
        Instance instance = owned(actor, id);
        requireLive(instance, "extend");
        Instant now = clock.instant();
        Instant from = instance.expiresAt() == null || instance.expiresAt().isBefore(now) ? now : instance.expiresAt();
        Instant expiresAt = from.plus(Duration.ofHours(hours));
        Duration max = config.lifecycle().instance().maxTtl();
        if (max != null && expiresAt.isAfter(instance.createdAt().plus(max))) {
            Instant latest = instance.createdAt().plus(max);
            long room = Math.max(0, Duration.between(from, latest).toHours());
            throw new ValidationException("hours", "extending instance " + id + " by " + hours + " hours would end it at "
                    + expiresAt + ", past the max instance TTL " + max + " from its creation (" + latest + "); at most "
                    + room + " more hours", Map.of("max_ttl", max.toString(), "max_expires_at", latest.toString(),
                    "max_hours", room));
        }
        Lifecycle lifecycle = new Lifecycle(Duration.between(instance.createdAt(), expiresAt),
                instance.lifecycle().inactivityTimeout());
        return instances.setLifecycle(id, lifecycle, expiresAt, now);
    }

    /** Sets the cores of a running instance: 1..8, run on at most the processors; takes effect for the next call. */
    public Instance setCpuCores(Actor actor, long id, Integer cpuCores) {
        if (cpuCores == null) {
            throw new ValidationException("cpu_cores", "cpu_cores is required");
        }
        int cores = cores(cpuCores);
        Instance instance = owned(actor, id);
        LiveInstance live = registry.running(id).orElse(null);
        if (instance.status() != InstanceStatus.RUNNING || live == null) {
            throw ConflictException.invalidState("instance " + id + " is " + instance.status().wire()
                    + "; cpu_cores can be changed while it is running", Map.of("instance_id", id, "status", instance.status().wire()));
        }
        live.graph().setParallelism(settings.effectiveCores(cores));
        return instances.setCpuCores(id, cores, clock.instant());
    }

    /**
     * Seed 001's per-instance health check: the instance when it serves queries (running, with its
     * graph held by this server); 409 {@code INVALID_STATE} with its status otherwise, as the data
     * plane answers for an instance that is not running.
     */
    public Instance health(long id) {
        Instance instance = get(id);
        if (instance.status() != InstanceStatus.RUNNING || registry.running(id).isEmpty()) {
            String status = instance.status() == InstanceStatus.RUNNING ? "running without its graph" : instance.status().wire();
            throw ConflictException.invalidState("instance " + id + " is " + status + ", not serving queries",
                    Map.of("instance_id", id, "status", instance.status().wire()));
        }
        return instance;
    }

    public InstanceProgressView progress(long id) {
        Instance instance = get(id);
        return InstanceProgressView.of(instance, registry.load(id).orElse(null), clock);
    }

    /** Stops the instance and frees its memory (owner, ops or admin); 409 INVALID_STATE when it already ended. */
    public Instance terminate(Actor actor, long id) {
        Instance instance = owned(actor, id);
        if (!instance.status().live()) {
            throw ConflictException.invalidState("instance " + id + " is already " + instance.status().wire(),
                    Map.of("instance_id", id, "status", instance.status().wire()));
        }
        stop(id, null);
        return get(id);
    }

    /** Terminates the instance if it is live, then removes it (owner, ops or admin). */
    public void delete(Actor actor, long id) {
        Instance instance = owned(actor, id);
        if (instance.status().live()) {
            stop(id, null);
        }
        instances.delete(id);
    }

    /**
     * Terminates a live instance as the server (the reaper): {@code reason} is kept as its error
     * message. False when it was no longer live.
     */
    public boolean terminateBySystem(long id, String reason) {
        return stop(id, reason);
    }

    /**
     * Moves every instance waiting for its snapshot on: to {@code starting} (and loading) once the
     * snapshot is ready and the load fits the memory budget; to {@code failed} with the reason when
     * the snapshot failed, was deleted or does not fit. Returns how many moved.
     */
    public int advanceWaiting() {
        int moved = 0;
        for (Instance waiting : instances.withStatus(EnumSet.of(InstanceStatus.WAITING_FOR_SNAPSHOT))) {
            Optional<Snapshot> snapshot = sources.snapshot(waiting.snapshotId());
            Instant now = clock.instant();
            if (snapshot.isEmpty()) {
                moved += fail(waiting, InstanceStatus.WAITING_FOR_SNAPSHOT, "snapshot " + waiting.snapshotId() + " was deleted");
            } else if (snapshot.get().status() == SnapshotStatus.FAILED) {
                moved += fail(waiting, InstanceStatus.WAITING_FOR_SNAPSHOT, "snapshot " + waiting.snapshotId() + " failed: "
                        + snapshot.get().errorMessage());
            } else if (snapshot.get().status() == SnapshotStatus.READY) {
                synchronized (admission) {
                    Admitted admitted;
                    try {
                        admitted = admit(waiting.engine(), engines.engine(waiting.engine()),
                                sources.manifestDirectory(waiting.snapshotId()), waiting.cpuCores(), false);
                    } catch (DomainException | IllegalStateException e) {
                        moved += fail(waiting, InstanceStatus.WAITING_FOR_SNAPSHOT, e.getMessage());
                        continue;
                    }
                    if (instances.transition(waiting.id(), InstanceStatus.WAITING_FOR_SNAPSHOT, InstanceStatus.STARTING, null, now)) {
                        instances.setMemory(waiting.id(), admitted.memory(), now);
                        instances.place(waiting.id(), null, admitted.nodeId(), now);
                        if (admitted.nodeId().equals(placement.selfId())) {
                            schedule(waiting.id());
                        }
                        moved++;
                    }
                }
            }
        }
        return moved;
    }

    /**
     * Loads an instance again after a restart: a {@code starting} or {@code running} one whose
     * source still exists goes (back) to {@code starting} and is loaded; otherwise it fails with a
     * reason saying so. True when it was scheduled.
     */
    public boolean reload(Instance instance, String why) {
        String missing = missingSource(instance);
        if (missing != null) {
            fail(instance, instance.status(), why + "; " + missing);
            return false;
        }
        if (instance.status() == InstanceStatus.RUNNING && !instances.transition(instance.id(), InstanceStatus.RUNNING,
                InstanceStatus.STARTING, null, clock.instant())) {
            return false;
        }
        instances.reloaded(instance.id(), lostProperties(instance), clock.instant());
        schedule(instance.id());
        return true;
    }

    /** What a reload tells the user when mutate runs had stored properties, which lived in memory only; null when none had. */
    private String lostProperties(Instance instance) {
        List<String> lost = instances.mutateProperties(instance.id());
        if (lost.isEmpty()) {
            return null;
        }
        return "the server restarted at " + clock.instant() + " and loaded this instance again from its "
                + (instance.snapshotId() != null ? "snapshot " + instance.snapshotId() : "dataset " + instance.datasetId())
                + "; the properties stored by mutate runs (" + String.join(", ", lost)
                + ") were held in memory only and are gone: run those algorithms again";
    }

    private String missingSource(Instance instance) {
        if (instance.snapshotId() != null) {
            Optional<Snapshot> snapshot = sources.snapshot(instance.snapshotId());
            if (snapshot.isEmpty()) {
                return "its snapshot " + instance.snapshotId() + " was deleted";
            }
            if (snapshot.get().status() != SnapshotStatus.READY) {
                return "its snapshot " + instance.snapshotId() + " is " + snapshot.get().status().wire() + ", not ready";
            }
            return null;
        }
        if (instance.dataDirectory() == null || !java.nio.file.Files.isDirectory(Path.of(instance.dataDirectory()))) {
            return "the files of dataset " + instance.datasetId() + " are gone";
        }
        return null;
    }

    private void schedule(long id) {
        if (scheduled.add(id)) {
            try {
                jobs.submit(id, () -> {
                    try {
                        load(id);
                    } finally {
                        scheduled.remove(id);
                    }
                });
            } catch (RuntimeException e) {
                scheduled.remove(id);
                throw e;
            }
        }
    }

    /**
     * The per-node step, run by every node at its poll interval: loads the {@code starting}
     * instances placed on this node that it has not scheduled yet (placed through another node), and
     * frees the graphs this node holds whose instance ended or was deleted meanwhile (terminated
     * through another node or by a cluster-wide job); a {@code stopping} one of its own it ends.
     * One read of the live instances per call. Returns how many instances it loaded or freed; a node
     * alone on its database does nothing here (it makes every change itself).
     */
    public int followPlacements() {
        if (placement.isAlone()) {
            return 0;
        }
        int changed = 0;
        Map<Long, Instance> live = new HashMap<>();
        for (Instance i : instances.withStatus(InstanceStatus.LIVE)) {
            live.put(i.id(), i);
            if (i.status() == InstanceStatus.STARTING && placement.selfId().equals(i.nodeId()) && !registry.holds(i.id())
                    && !scheduled.contains(i.id())) {
                schedule(i.id());
                changed++;
            }
        }
        for (long id : registry.heldIds()) {
            Instance row = live.get(id);
            if (row == null) {
                registry.load(id).ifPresent(l -> l.cancel.cancel("the instance ended"));
                registry.release(id);
                changed++;
            } else if (row.status() == InstanceStatus.STOPPING) {
                registry.release(id);
                instances.transition(id, InstanceStatus.STOPPING, InstanceStatus.TERMINATED, row.errorMessage(), clock.instant());
                changed++;
            }
        }
        return changed;
    }

    /**
     * Ends the live instances placed on nodes that stopped renewing their registration (killed, or
     * cut off from the database): their graphs are gone with the node. A {@code starting} or
     * {@code running} one fails with a reason naming the node; a {@code stopping} one is terminated.
     * Returns how many it ended.
     */
    public int failOnDeadNodes() {
        Map<String, String> dead = placement.deadNodes();
        if (dead.isEmpty()) {
            return 0;
        }
        int ended = 0;
        for (Instance i : instances.withStatus(EnumSet.of(InstanceStatus.STARTING, InstanceStatus.RUNNING, InstanceStatus.STOPPING))) {
            String heartbeat = i.nodeId() == null ? null : dead.get(i.nodeId());
            if (heartbeat == null) {
                continue;
            }
            if (i.status() == InstanceStatus.STOPPING) {
                ended += instances.transition(i.id(), InstanceStatus.STOPPING, InstanceStatus.TERMINATED, null, clock.instant()) ? 1 : 0;
            } else {
                ended += fail(i, i.status(), "node " + i.nodeId() + ", which held this instance, stopped answering (last heartbeat "
                        + heartbeat + "); create the instance again");
            }
        }
        return ended;
    }

    /**
     * Whether this node is the one to reload {@code instance} at start-up, placing it here when it
     * is: its own, one not placed yet, one of a node that is not alive (dead, or no longer
     * registered: a crashed predecessor with another node id), or, for a node alone on its database,
     * any (a restarted single server may carry a new node id).
     */
    public boolean adopt(Instance instance) {
        if (placement.selfId().equals(instance.nodeId())) {
            return true;
        }
        if (instance.nodeId() == null || placement.isAlone() || !placement.alive(instance.nodeId())) {
            return instances.place(instance.id(), instance.nodeId(), placement.selfId(), clock.instant());
        }
        return false;
    }

    /** This node's id, as recorded on the instances placed here. */
    public String nodeId() {
        return placement.selfId();
    }

    /** The base URL of the node serving {@code instance} when that is another node; empty when it is this one. */
    public Optional<String> remoteUrl(Instance instance) {
        return placement.remoteUrl(instance);
    }

    /**
     * Where a data-plane call for instance {@code id} must go when another node holds it: that
     * node's base URL; empty when this node holds or loads it, or the instance is unknown, ended or
     * not placed (the call is answered here, as for one server).
     */
    public Optional<Owner> servedElsewhere(long id) {
        if (placement.isAlone() || registry.holds(id)) {
            return Optional.empty();
        }
        return instances.find(id).filter(i -> i.status().live())
                .flatMap(i -> placement.remoteUrl(i).map(url -> new Owner(i.nodeId(), url)));
    }

    /** The node that holds an instance: its id and base URL. */
    public record Owner(String nodeId, String url) {
    }

    /** Runs one load: the instance must still be starting; ends running, failed, or (terminated meanwhile) freed. */
    void load(long id) {
        Instance instance = instances.find(id).orElse(null);
        if (instance == null || instance.status() != InstanceStatus.STARTING) {
            return;
        }
        InstanceRegistry.Load load = registry.startLoad(id);
        long began = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "start of instance {0} ({1}, engine {2}, {3} cores) began",
                Long.toString(id), instance.snapshotId() != null ? "snapshot " + instance.snapshotId() : "dataset " + instance.datasetId(),
                instance.engine(), Integer.toString(settings.effectiveCores(instance.cpuCores())));
        try {
            GraphEngine engine = engines.engine(instance.engine());
            if (instance.snapshotId() != null && instance.dataDirectory() == null) {
                load.progress("verify", 0, "fetching snapshot " + instance.snapshotId() + " from the snapshot store");
            }
            Path dir = directory(instance);
            int cores = settings.effectiveCores(instance.cpuCores());
            LoadOptions options = LoadOptions.defaults().withParallelism(cores);
            engine.estimate(dir, options);
            load.progress("verify", 0, "reading " + dir.getFileName());
            GraphInstance graph = engine.load(dir, options, load, load.cancel);
            graph.setParallelism(cores);
            registry.put(new LiveInstance(id, instance.owner(), graph.engine(), graph));
            if (instances.transition(id, InstanceStatus.STARTING, InstanceStatus.RUNNING, null, clock.instant())) {
                LOG.log(System.Logger.Level.INFO, "start of instance {0} finished in {1} ms: running on {2}",
                        Long.toString(id), Long.toString((System.nanoTime() - began) / 1_000_000), graph.engine());
            } else {
                registry.release(id);
                LOG.log(System.Logger.Level.INFO, "start of instance {0} finished but it was stopped meanwhile; its graph is freed",
                        Long.toString(id));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            registry.release(id);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "start of instance {0} failed: loading failed: {1}", Long.toString(id), reason);
            instances.transition(id, InstanceStatus.STARTING, InstanceStatus.FAILED, "loading failed: " + reason, clock.instant());
        } finally {
            registry.endLoad(id);
        }
    }

    private Path directory(Instance instance) {
        return instance.snapshotId() != null ? sources.directory(instance.snapshotId()) : Path.of(instance.dataDirectory());
    }

    private boolean stop(long id, String reason) {
        Instant now = clock.instant();
        Instance instance = instances.find(id).orElse(null);
        if (instance == null) {
            return false;
        }
        switch (instance.status()) {
            case WAITING_FOR_SNAPSHOT -> {
                return instances.transition(id, InstanceStatus.WAITING_FOR_SNAPSHOT, InstanceStatus.TERMINATED, reason, now);
            }
            case STARTING -> {
                registry.load(id).ifPresent(l -> l.cancel.cancel("terminated"));
                boolean stopped = instances.transition(id, InstanceStatus.STARTING, InstanceStatus.TERMINATED, reason, now);
                registry.release(id);
                return stopped;
            }
            case RUNNING -> {
                if (!instances.transition(id, InstanceStatus.RUNNING, InstanceStatus.STOPPING, null, now)) {
                    return false;
                }
                registry.release(id);
                return instances.transition(id, InstanceStatus.STOPPING, InstanceStatus.TERMINATED, reason, clock.instant());
            }
            case STOPPING -> {
                registry.release(id);
                return instances.transition(id, InstanceStatus.STOPPING, InstanceStatus.TERMINATED, reason, now);
            }
            default -> {
                return false;
            }
        }
    }

    private int fail(Instance instance, InstanceStatus from, String reason) {
        return instances.transition(instance.id(), from, InstanceStatus.FAILED, reason, clock.instant()) ? 1 : 0;
    }

    private void checkConcurrency(String owner) {
        ConcurrencyConfig limits = config.concurrency();
        long cluster = instances.countLive();
        if (cluster >= limits.clusterTotal()) {
            throw new ConflictException("CONCURRENCY_LIMIT_EXCEEDED", "the server already holds " + cluster
                    + " live instances, its limit", Map.of("scope", "cluster", "limit", limits.clusterTotal(), "current", cluster));
        }
        long mine = instances.countLiveOf(owner);
        if (mine >= limits.perAnalyst()) {
            throw new ConflictException("CONCURRENCY_LIMIT_EXCEEDED", owner + " already holds " + mine
                    + " live instances, the per-analyst limit", Map.of("scope", "analyst", "limit", limits.perAnalyst(),
                    "current", mine));
        }
    }

    /** The bytes an admitted instance will hold and the node it is placed on. */
    private record Admitted(long memory, String nodeId) {
    }

    /**
     * Places the instance by the engine's estimate on a node whose budget has room after its live
     * instances (see {@link InstancePlacement}). The peak of the load must fit, not only what stays.
     */
    private Admitted admit(String engineName, GraphEngine engine, Path dir, int cores, boolean thisNodeOnly) {
        MemoryEstimate estimate = engine.estimate(dir, LoadOptions.defaults().withParallelism(settings.effectiveCores(cores)));
        long needed = Math.max(estimate.peakHostBytes(), estimate.hostBytes());
        String node = placement.choose(engineName, needed, instances.withStatus(InstanceStatus.LIVE), thisNodeOnly);
        return new Admitted(estimate.hostBytes(), node);
    }

    private Lifecycle lifecycle(String ttl, String inactivityTimeout) {
        ResourceLifecycle defaults = config.lifecycle().instance();
        Lifecycle asked = Lifecycle.parse(ttl, inactivityTimeout);
        Duration effectiveTtl = asked.ttl() == null ? defaults.defaultTtl() : asked.ttl();
        Duration inactivity = asked.inactivityTimeout() == null ? defaults.defaultInactivity() : asked.inactivityTimeout();
        Duration max = defaults.maxTtl();
        if (max != null && effectiveTtl != null && effectiveTtl.compareTo(max) > 0) {
            throw new ValidationException("ttl", "ttl must be at most " + max + ", got " + effectiveTtl,
                    Map.of("max_ttl", max.toString()));
        }
        if (max != null && effectiveTtl == null) {
            effectiveTtl = max;
        }
        return new Lifecycle(effectiveTtl, inactivity);
    }

    private int cores(int cpuCores) {
        if (cpuCores < 1 || cpuCores > InstanceSettings.CPU_CAP) {
            throw new ValidationException("cpu_cores", "cpu_cores must be between 1 and " + InstanceSettings.CPU_CAP
                    + ", got " + cpuCores, Map.of("max", InstanceSettings.CPU_CAP, "effective_max", settings.maxCpuCores()));
        }
        return cpuCores;
    }

    /** The cores an instance that asked for {@code cpuCores} runs on: this server's processors cap it. */
    public int effectiveCpuCores(int cpuCores) {
        return settings.effectiveCores(cpuCores);
    }

    private Instance owned(Actor actor, long id) {
        Instance instance = instances.find(id).orElseThrow(() -> new NotFoundException("instance", id));
        if (!actor.username().equals(instance.owner()) && !actor.has(Role.OPS)) {
            throw new PermissionDeniedException("only the owner (" + instance.owner() + "), ops or an admin may change instance " + id);
        }
        return instance;
    }

    private static void requireLive(Instance instance, String what) {
        if (!instance.status().live()) {
            throw ConflictException.invalidState("cannot " + what + " instance " + instance.id() + ": it is "
                    + instance.status().wire(), Map.of("instance_id", instance.id(), "status", instance.status().wire()));
        }
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
