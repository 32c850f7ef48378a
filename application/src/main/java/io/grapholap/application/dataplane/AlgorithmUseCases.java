package io.grapholap.application.dataplane;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.algo.AlgorithmCatalog;
import io.grapholap.application.graph.algo.AlgorithmSpec;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongPredicate;

/**
 * Algorithm runs on running instances, in three modes: {@code stream} (the per-vertex rows, at most
 * {@link DataPlaneSettings#maxRows()}), {@code stats} (a summary of the value column plus the
 * algorithm's own figures such as modularity) and {@code mutate} (the value column stored as a
 * vertex property that later queries read).
 *
 * <p>One algorithm at a time per instance: a second start while one runs is a 409
 * {@code RESOURCE_LOCKED} whose details name the holder (user, algorithm, execution id, since).
 * Queries are not locked out. Each run is an execution: a start waits up to
 * {@link DataPlaneSettings#syncWait()} and returns the finished execution, or else the running one,
 * whose id the caller polls, fetches the result of, or cancels. Executions live in memory only:
 * finished ones are dropped {@link DataPlaneSettings#executionRetention()} after they end, and the
 * oldest finished ones first when {@link DataPlaneSettings#maxExecutions()} are held.
 */
public final class AlgorithmUseCases {

    /** How long a cancel waits for the run to notice before answering. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    public enum Mode {
        STREAM, STATS, MUTATE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code raw}; absent means {@code stream}. */
        public static Mode parse(String raw) {
            if (raw == null) {
                return STREAM;
            }
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("mode", "mode must be stream, stats or mutate, got '" + raw + "'");
            }
        }
    }

    public enum Status {
        RUNNING, COMPLETED, FAILED, CANCELLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A validated start request: a catalog algorithm with parameters that pass its checks, the mode,
     * the property to write (mutate only), an optional timeout and the engine asked for ({@code null}
     * or the instance's own engine; {@code auto} lets a GPU instance run an algorithm it lacks on
     * the CPU).
     */
    public record Command(String algorithm, Map<String, Object> params, Mode mode, String mutateProperty,
                          Long timeoutMs, String engine) {
        public Command {
            AlgorithmSpec spec = AlgorithmCatalog.get(algorithm);
            params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
            AlgorithmCatalog.parse(algorithm, params);
            Objects.requireNonNull(mode, "mode");
            if (mode == Mode.MUTATE) {
                if (mutateProperty == null || mutateProperty.isBlank()) {
                    throw new ValidationException("mutate_property", "mode mutate needs mutate_property, the vertex "
                            + "property to write");
                }
                if (algorithm.equals(AlgorithmCatalog.SHORTEST_PATH) || params.get("k") != null) {
                    throw new ValidationException("mode", "mode mutate needs one result row per vertex; " + algorithm
                            + (params.get("k") != null ? " with k" : "") + " returns fewer");
                }
            } else if (mutateProperty != null) {
                throw new ValidationException("mutate_property", "mutate_property is only for mode mutate");
            }
            if (engine != null && !List.of("auto", "cpu", "gpu").contains(engine)) {
                throw new ValidationException("engine", "engine must be auto, cpu or gpu, got '" + engine + "'");
            }
            if (spec.resultColumns().size() < 2) {
                throw new IllegalStateException("catalog entry without a value column: " + algorithm);
            }
        }

        /** The column a summary and a mutate read: the first after the vertex key. */
        public String valueColumn() {
            return AlgorithmCatalog.get(algorithm).resultColumns().get(1);
        }
    }

    /**
     * What a finished run produced. Stream: {@code columns} and the first rows of the result in
     * {@code data} (at most the row limit; {@code truncated} when {@code rowCount} is more), read
     * row by row through {@link #rows()}. Stats: {@code stats} holds the summary and the algorithm's
     * figures. Mutate: {@code mutateProperty} and the number of vertices written, with the
     * algorithm's figures in {@code stats}. Kept rows stay in their typed columns (8 bytes a number)
     * until a caller reads them.
     */
    public record Result(String engine, List<String> columns, List<Column> data, long rowCount, boolean truncated,
                         Map<String, Object> stats, String mutateProperty, long verticesWritten) {
        public Result {
            columns = List.copyOf(columns);
            data = List.copyOf(data);
            stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        }

        /** The kept rows as JSON-like values (UUIDs as text). */
        public List<List<Object>> rows() {
            int n = data.isEmpty() ? 0 : data.get(0).size();
            List<List<Object>> rows = new ArrayList<>(n);
            for (int row = 0; row < n; row++) {
                List<Object> values = new ArrayList<>(data.size());
                for (Column column : data) {
                    Object v = column.get(row);
                    values.add(v instanceof UUID u ? u.toString() : v);
                }
                rows.add(Collections.unmodifiableList(values));
            }
            return Collections.unmodifiableList(rows);
        }
    }

    /** Why a run did not complete: the error code, message and details it failed with. */
    public record Failure(String code, String message, Map<String, Object> details) {
    }

    /** One execution as callers see it; {@code result} once completed, {@code error} once failed or cancelled. */
    public record Execution(String executionId, long instanceId, String algorithm, Mode mode, String user, Status status,
                            Instant startedAt, Instant finishedAt, String engine, String phase, double progress,
                            Result result, Failure error) {
    }

    /** The algorithm lock of an instance: free, or held by a user's running execution since a time. */
    public record LockStatus(long instanceId, boolean locked, String holderId, String holderName, String algorithm,
                             String executionId, Instant lockedAt) {
    }

    private final LiveInstances instances;
    private final DataPlaneSettings settings;
    private final Executor executor;
    private final Clock clock;
    private final Map<Long, Run> locks = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, Run> executions = new LinkedHashMap<>();

    /**
     * @param executor runs the executions; at most one per running instance is ever queued on it
     */
    public AlgorithmUseCases(LiveInstances instances, DataPlaneSettings settings, Executor executor, Clock clock) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts {@code command} on instance {@code instanceId} and waits up to the sync wait. Returns the
     * finished execution, or the running one. A run that failed within the wait throws its error
     * (400 for a bad vertex key, 408 past its timeout, 409 when cancelled).
     */
    public Execution start(Actor actor, long instanceId, Command command) {
        Duration timeout = DataPlaneSettings.timeout(command.timeoutMs(), settings.defaultAlgorithmTimeout(),
                settings.maxAlgorithmTimeout());
        LiveInstance instance = instances.use(instanceId, actor);
        GraphInstance graph = instance.graph();
        if (command.engine() != null && !command.engine().equals("auto") && !command.engine().equals(graph.engine())) {
            throw new ValidationException("engine", "instance " + instanceId + " runs on the " + graph.engine()
                    + " engine, not " + command.engine());
        }
        if (command.mode() == Mode.MUTATE) {
            actor.requireOwnerOrAdmin(instance.owner(), "the properties of instance " + instanceId);
        }
        Run run = new Run(UUID.randomUUID().toString(), instanceId, command, actor.username(), clock.instant(),
                graph.engine(), CancellationToken.withTimeout(timeout));
        Run holder = locks.putIfAbsent(instanceId, run);
        if (holder != null) {
            throw locked(instanceId, holder);
        }
        try {
            register(run);
            executor.execute(() -> execute(run, graph));
        } catch (RejectedExecutionException e) {
            forget(run);
            locks.remove(instanceId, run);
            throw new UnavailableException("SERVICE_UNAVAILABLE", "the server is shutting down; no algorithm can start",
                    Map.of());
        } catch (RuntimeException e) {
            locks.remove(instanceId, run);
            throw e;
        }
        await(run, settings.syncWait());
        if (run.thrown != null) {
            throw run.thrown;
        }
        return run.view();
    }

    /** The execution {@code executionId} of instance {@code instanceId}, with its result once completed. */
    public Execution get(Actor actor, long instanceId, String executionId) {
        return find(actor, instanceId, executionId).view();
    }

    /**
     * The result of a completed execution.
     *
     * @throws ConflictException {@code INVALID_STATE} while it runs; a failed or cancelled one throws its error
     */
    public Execution result(Actor actor, long instanceId, String executionId) {
        Run run = find(actor, instanceId, executionId);
        Execution view = run.view();
        if (view.status() == Status.RUNNING) {
            throw ConflictException.invalidState("execution " + executionId + " is still running",
                    Map.of("execution_id", executionId, "status", view.status().wireName()));
        }
        if (run.thrown != null) {
            throw run.thrown;
        }
        return view;
    }

    /** Asks a running execution to stop (its starter or an admin) and waits briefly for it to notice. */
    public Execution cancel(Actor actor, long instanceId, String executionId) {
        Run run = find(actor, instanceId, executionId);
        if (run.view().status() == Status.RUNNING) {
            run.token.cancel("cancelled by " + actor.username());
            await(run, CANCEL_WAIT);
        }
        return run.view();
    }

    /** The algorithm lock of a running instance. */
    public LockStatus lock(Actor actor, long instanceId) {
        instances.use(instanceId, actor);
        Run holder = locks.get(instanceId);
        if (holder == null) {
            return new LockStatus(instanceId, false, null, null, null, null, null);
        }
        return new LockStatus(instanceId, true, holder.user, holder.user, holder.command.algorithm(), holder.id,
                holder.startedAt);
    }

    private static ConflictException locked(long instanceId, Run holder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instance_id", instanceId);
        details.put("holder_id", holder.user);
        details.put("holder_name", holder.user);
        details.put("algorithm", holder.command.algorithm());
        details.put("execution_id", holder.id);
        details.put("locked_at", holder.startedAt.toString());
        return new ConflictException("RESOURCE_LOCKED", "instance " + instanceId + " is running " + holder.command.algorithm()
                + " for " + holder.user + " (execution " + holder.id + "); one algorithm runs at a time", details);
    }

    private Run find(Actor actor, long instanceId, String executionId) {
        Run run;
        synchronized (executions) {
            prune(clock.instant());
            run = executionId == null ? null : executions.get(executionId);
        }
        if (run == null || run.instanceId != instanceId || !(actor.isAdmin() || run.user.equals(actor.username()))) {
            throw new NotFoundException("execution", executionId);
        }
        return run;
    }

    private void register(Run run) {
        synchronized (executions) {
            prune(run.startedAt);
            Iterator<Run> oldest = executions.values().iterator();
            while (executions.size() >= settings.maxExecutions() && oldest.hasNext()) {
                if (oldest.next().finished()) {
                    oldest.remove();
                }
            }
            if (executions.size() >= settings.maxExecutions()) {
                throw new ConflictException("CONCURRENCY_LIMIT_EXCEEDED", settings.maxExecutions()
                        + " algorithm executions are running; try again when one has finished",
                        Map.of("max_executions", settings.maxExecutions()));
            }
            executions.put(run.id, run);
        }
    }

    private void forget(Run run) {
        synchronized (executions) {
            executions.remove(run.id);
        }
    }

    /** Drops finished executions older than the retention; call holding the executions' monitor. */
    private void prune(Instant now) {
        Instant oldest = now.minus(settings.executionRetention());
        executions.values().removeIf(r -> r.finished() && r.finishedAt.isBefore(oldest));
    }

    private static void await(Run run, Duration wait) {
        try {
            run.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the caller answers with the execution id
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an execution's completion future never fails", e);
        }
    }

    private void execute(Run run, GraphInstance graph) {
        Command c = run.command;
        Result result = null;
        RuntimeException thrown = null;
        Status status = Status.FAILED;
        try {
            ExecutionContext ctx = new ExecutionContext(run.token, run::progress, graph.parallelism(),
                    "auto".equals(c.engine()));
            AlgorithmResult r = graph.runAlgorithm(c.algorithm(), c.params(), ctx);
            result = switch (c.mode()) {
                case STREAM -> stream(r);
                case STATS -> new Result(r.engine(), List.of(), List.of(), r.rowCount(), false,
                        summary(r, c.valueColumn()), null, 0);
                case MUTATE -> {
                    graph.storeVertexProperty(c.mutateProperty(), r, c.valueColumn());
                    yield new Result(r.engine(), List.of(), List.of(), r.rowCount(), false, r.stats(),
                            c.mutateProperty(), r.rowCount());
                }
            };
            status = Status.COMPLETED;
        } catch (CancelledException e) {
            thrown = e;
            status = Status.CANCELLED;
        } catch (RuntimeException e) {
            thrown = e;
        } catch (Error e) {
            thrown = new IllegalStateException("the algorithm failed: " + e, e);
            throw e;
        } finally {
            // the lock is free before anyone is told the run ended, so a client may start the next one at once
            locks.remove(run.instanceId, run);
            run.finish(status, result, thrown, clock.instant());
            run.done.complete(null);
        }
    }

    private Result stream(AlgorithmResult r) {
        int n = (int) Math.min(r.rowCount(), settings.maxRows());
        List<Column> head = new ArrayList<>(r.data().size());
        for (Column c : r.data()) {
            head.add(head(c, n));
        }
        return new Result(r.engine(), r.columns(), head, r.rowCount(), r.rowCount() > n, r.stats(), null, 0);
    }

    /** The first {@code n} rows of {@code c}, copied so the full result can be freed. */
    private static Column head(Column c, int n) {
        return switch (c) {
            case Column.Int64 l -> new Column.Int64(l.type(), Arrays.copyOf(l.values(), n), head(l.nulls(), n));
            case Column.Int32 i -> new Column.Int32(i.type(), Arrays.copyOf(i.values(), n), head(i.nulls(), n));
            case Column.Float64 d -> new Column.Float64(Arrays.copyOf(d.values(), n), head(d.nulls(), n));
            case Column.Float32 f -> new Column.Float32(Arrays.copyOf(f.values(), n), head(f.nulls(), n));
            case Column.Bool b -> new Column.Bool(b.values().get(0, n), n, head(b.nulls(), n));
            case Column.Boxed o -> new Column.Boxed(o.type(), Arrays.copyOf(o.values(), n));
        };
    }

    private static java.util.BitSet head(java.util.BitSet nulls, int n) {
        return nulls == null ? null : nulls.get(0, n);
    }

    /**
     * Summary of a numeric value column: {@code count} (rows), then over the reachable non-null
     * values {@code min}, {@code max}, {@code mean}, {@code stddev}, {@code p50}, {@code p90},
     * {@code p99}, {@code distinct_count} (integer columns), {@code null_count} and
     * {@code unreachable_count} (BFS's sentinel depth, infinite distances); then the algorithm's own
     * figures (for example {@code modularity}, {@code iterations}).
     */
    static Map<String, Object> summary(AlgorithmResult r, String valueColumn) {
        Column c = r.column(valueColumn);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", (long) c.size());
        Skipped skipped = switch (c) {
            case Column.Int64 l -> integralColumn(out, c, i -> l.values()[i], v -> v == AlgorithmCatalog.BFS_UNREACHABLE);
            case Column.Int32 i32 -> integralColumn(out, c, i -> i32.values()[i], v -> false);
            case Column.Float64 d -> decimalColumn(out, c, i -> d.values()[i]);
            case Column.Float32 f -> decimalColumn(out, c, i -> f.values()[i]);
            default -> throw new ValidationException("mode", "mode stats needs a numeric result column; "
                    + r.algorithm() + " gives " + c.type());
        };
        out.put("null_count", (long) skipped.nulls());
        out.put("unreachable_count", (long) skipped.unreachable());
        r.stats().forEach(out::putIfAbsent);
        return out;
    }

    /** Rows a summary leaves out: null ones and unreachable ones (BFS's sentinel, infinite distances). */
    private record Skipped(int nulls, int unreachable) {
    }

    private static Skipped integralColumn(Map<String, Object> out, Column c, IntToLongFunction value,
                                          LongPredicate unreachableValue) {
        long[] kept = new long[c.size()];
        int n = 0;
        int nulls = 0;
        int unreachable = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isNull(i)) {
                nulls++;
                continue;
            }
            long v = value.applyAsLong(i);
            if (unreachableValue.test(v)) {
                unreachable++;
            } else {
                kept[n++] = v;
            }
        }
        integral(out, Arrays.copyOf(kept, n));
        return new Skipped(nulls, unreachable);
    }

    private static Skipped decimalColumn(Map<String, Object> out, Column c, IntToDoubleFunction value) {
        double[] kept = new double[c.size()];
        int n = 0;
        int nulls = 0;
        int unreachable = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isNull(i)) {
                nulls++;
                continue;
            }
            double v = value.applyAsDouble(i);
            if (Double.isFinite(v)) {
                kept[n++] = v;
            } else {
                unreachable++;
            }
        }
        decimal(out, Arrays.copyOf(kept, n));
        return new Skipped(nulls, unreachable);
    }

    private static void integral(Map<String, Object> out, long[] sorted) {
        Arrays.sort(sorted);
        if (summary(out, sorted.length, i -> sorted[i], i -> sorted[i])) {
            long distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            out.put("distinct_count", distinct);
        }
    }

    private static void decimal(Map<String, Object> out, double[] sorted) {
        Arrays.sort(sorted);
        summary(out, sorted.length, i -> sorted[i], i -> sorted[i]);
    }

    /**
     * min, max, mean, stddev and nearest-rank percentiles of {@code n} sorted values, each reported in
     * the column's own type ({@code boxed}); false, and nothing put, when there are none.
     */
    private static boolean summary(Map<String, Object> out, int n, IntToDoubleFunction value, IntFunction<Object> boxed) {
        if (n == 0) {
            return false;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value.applyAsDouble(i);
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = value.applyAsDouble(i) - mean;
            squares += d * d;
        }
        out.put("min", boxed.apply(0));
        out.put("max", boxed.apply(n - 1));
        out.put("mean", mean);
        out.put("stddev", Math.sqrt(squares / n));
        out.put("p50", boxed.apply(rank(n, 0.50)));
        out.put("p90", boxed.apply(rank(n, 0.90)));
        out.put("p99", boxed.apply(rank(n, 0.99)));
        return true;
    }

    /** Nearest-rank percentile index into {@code n} sorted values. */
    private static int rank(int n, double p) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }

    /** One execution's mutable state; fields written by its worker are read through {@link #view()}. */
    private static final class Run {
        final String id;
        final long instanceId;
        final Command command;
        final String user;
        final Instant startedAt;
        final String instanceEngine;
        final CancellationToken token;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile String phase = "queued";
        private volatile double progress;
        private volatile Status status = Status.RUNNING;
        private volatile Result result;
        private volatile RuntimeException thrown;
        private volatile Instant finishedAt;

        Run(String id, long instanceId, Command command, String user, Instant startedAt, String instanceEngine,
            CancellationToken token) {
            this.id = id;
            this.instanceId = instanceId;
            this.command = command;
            this.user = user;
            this.startedAt = startedAt;
            this.instanceEngine = instanceEngine;
            this.token = token;
        }

        void progress(String phase, double fraction, String message) {
            this.phase = phase;
            this.progress = Math.max(0, Math.min(1, fraction));
        }

        boolean finished() {
            return finishedAt != null;
        }

        void finish(Status status, Result result, RuntimeException thrown, Instant at) {
            this.result = result;
            this.thrown = thrown;
            this.phase = status.wireName();
            if (status == Status.COMPLETED) {
                this.progress = 1;
            }
            this.status = status;
            this.finishedAt = at;
        }

        Execution view() {
            Status s = status;
            Result r = result;
            RuntimeException t = thrown;
            Failure failure = null;
            if (t instanceof DomainException d) {
                failure = new Failure(d.code(), d.getMessage(), d.details());
            } else if (t != null) {
                failure = new Failure("INTERNAL_ERROR", "the algorithm failed: " + t, Map.of());
            }
            return new Execution(id, instanceId, command.algorithm(), command.mode(), user, s, startedAt, finishedAt,
                    r == null ? instanceEngine : r.engine(), phase, progress, r, failure);
        }
    }
}
