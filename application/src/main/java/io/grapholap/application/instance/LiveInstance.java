package io.grapholap.application.instance;

import io.grapholap.application.graph.GraphInstance;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running instance: its id, owner, the engine it runs on, its loaded graph, and its algorithm
 * lock. One algorithm runs at a time per instance, whoever starts it (an HTTP request or UDF code):
 * {@link #tryLock} takes the lock or says who holds it. Queries do not take it.
 */
public final class LiveInstance {

    /** Who holds the algorithm lock: a user's execution of an algorithm, since a time. */
    public record LockHolder(String user, String algorithm, String executionId, Instant since) {
        public LockHolder {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(since, "since");
        }
    }

    private final long id;
    private final String owner;
    private final String engine;
    private final GraphInstance graph;
    private final AtomicReference<LockHolder> lock = new AtomicReference<>();

    public LiveInstance(long id, String owner, String engine, GraphInstance graph) {
        this.id = id;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String engine() {
        return engine;
    }

    public GraphInstance graph() {
        return graph;
    }

    /** Takes the algorithm lock for {@code holder}; when another holds it, returns that one and takes nothing. */
    public Optional<LockHolder> tryLock(LockHolder holder) {
        Objects.requireNonNull(holder, "holder");
        LockHolder current = lock.compareAndExchange(null, holder);
        return Optional.ofNullable(current);
    }

    /** Frees the lock if {@code holder} holds it. */
    public void unlock(LockHolder holder) {
        lock.compareAndSet(holder, null);
    }

    /** The holder of the algorithm lock, if it is taken. */
    public Optional<LockHolder> lockHolder() {
        return Optional.ofNullable(lock.get());
    }

    @Override
    public String toString() {
        return "instance " + id + " (" + engine + ", owner " + owner + ")";
    }
}
