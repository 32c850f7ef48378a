package io.grapholap.application.algorithm;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.algo.GraphShape;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.application.graph.algo.ParamValues;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one way an algorithm runs, for HTTP requests and UDF code alike. {@link #plan} parses the raw
 * parameters once against the algorithm's definition and the engine's declared options, chooses the
 * engine that runs it and checks its memory estimate; {@link #run} runs the plan.
 *
 * <p>Engine choice: the graph's own engine when it runs the algorithm. Otherwise, when the request
 * allows a fallback ({@code engine=auto}), the first present, available engine (the default first)
 * that runs the algorithm and can run over the graph where it already is
 * ({@link GraphEngine#canRunOver}); the result's stats then say {@code requested_engine} and
 * {@code fallback_reason}. Without a fallback, or with none possible, the run is refused with
 * {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE}.
 */
public final class AlgorithmRunner {

    private final EngineChoice engines;
    private final HostMemory memory;

    public AlgorithmRunner(EngineChoice engines, HostMemory memory) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * A checked run: the typed parameters, the engine options, the engine that runs it ({@code null}:
     * the graph's own), and why it falls back when it does.
     */
    public record Plan(AlgorithmParams params, Map<String, Object> engineOptions, GraphEngine fallback,
                       String requestedEngine, String fallbackReason, long neededBytes) {
        public Plan {
            Objects.requireNonNull(params, "params");
            engineOptions = Map.copyOf(engineOptions);
        }

        public String algorithm() {
            return params.algorithm();
        }

        /** The engine that runs this plan. */
        public String engine() {
            return fallback == null ? requestedEngine : fallback.info().name();
        }
    }

    /**
     * Parses {@code raw} for {@code algorithm} on {@code graph}, chooses the engine and checks memory.
     *
     * @throws ValidationException          naming the parameter (or {@code algorithm}) on bad input; an
     *                                      option another engine offers names that option too
     * @throws UnavailableException         {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE} when no engine can run it
     * @throws ConflictException            {@code MEMORY_LIMIT_EXCEEDED} when the estimate is over the free memory
     */
    public Plan plan(GraphInstance graph, String algorithm, Map<String, ?> raw, boolean allowFallback, int parallelism) {
        AlgorithmDefinition<?> definition = AlgorithmRegistry.get(algorithm);
        String own = graph.engine();
        EngineInfo info = engines.find(own).map(GraphEngine::info)
                .orElseThrow(() -> new IllegalStateException("no engine named " + own + " is present"));
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        (raw == null ? Map.<String, Object>of() : raw).forEach((name, value) -> {
            if (definition.param(name).isEmpty() && offers(info, algorithm, name)) {
                options.put(name, value);
            } else if (definition.param(name).isEmpty()) {
                refuseOtherEnginesOption(own, algorithm, name);
                params.put(name, value);
            } else {
                params.put(name, value);
            }
        });
        AlgorithmParams parsed = definition.parse(params);
        Map<String, Object> checkedOptions = ParamValues.check("the " + own + " engine's options for " + algorithm,
                info.options(algorithm), options).asMap();

        GraphEngine fallback = null;
        String reason = null;
        if (!info.runs(algorithm)) {
            reason = "the " + own + " engine does not run " + algorithm;
            if (!allowFallback) {
                throw notSupported(algorithm, info, "; ask for engine=auto to run it on another engine");
            }
            fallback = engines.present().stream()
                    .filter(e -> !e.info().name().equals(own) && e.info().available() && e.info().runs(algorithm)
                            && e.canRunOver(graph))
                    .findFirst()
                    .orElseThrow(() -> notSupported(algorithm, info, " and no other engine can run it over this graph"));
        }
        long needed = requireMemory(definition, parsed, graph.statistics(), parallelism,
                fallback == null ? own : fallback.info().name());
        return new Plan(parsed, checkedOptions, fallback, own, reason, needed);
    }

    /** {@link #plan} and {@link #run} in one, for a graph no lock guards (a UDF's loaded or built graph). */
    public AlgorithmResult run(GraphInstance graph, String algorithm, Map<String, ?> raw, boolean allowFallback,
                               ExecutionContext ctx) {
        return run(graph, plan(graph, algorithm, raw, allowFallback, ctx.parallelism()), ctx);
    }

    /** Runs a plan made by {@link #plan} for this graph. */
    public AlgorithmResult run(GraphInstance graph, Plan plan, ExecutionContext ctx) {
        if (plan.fallback() == null) {
            return graph.run(plan.params(), ctx.withEngineOptions(plan.engineOptions()));
        }
        AlgorithmResult r = plan.fallback().runOver(graph, plan.params(), ctx);
        Map<String, Object> stats = new LinkedHashMap<>(r.stats());
        stats.put("requested_engine", plan.requestedEngine());
        stats.put("fallback_reason", plan.fallbackReason());
        return new AlgorithmResult(r.algorithm(), r.engine(), r.columns(), r.data(), stats);
    }

    private static boolean offers(EngineInfo info, String algorithm, String name) {
        return info.options(algorithm).stream().anyMatch(o -> o.name().equals(name));
    }

    private void refuseOtherEnginesOption(String own, String algorithm, String name) {
        for (GraphEngine e : engines.present()) {
            EngineInfo other = e.info();
            for (ParamSpec option : other.options(algorithm)) {
                if (option.name().equals(name)) {
                    throw new ValidationException(name, "parameter '" + name + "' is an option of the " + other.name()
                            + " engine for " + algorithm + "; this graph is held by the " + own
                            + " engine, which does not take it");
                }
            }
        }
    }

    private long requireMemory(AlgorithmDefinition<?> definition, AlgorithmParams params, GraphStatistics statistics,
                               int parallelism, String engine) {
        GraphShape shape = GraphShape.of(statistics.vertexCount(), statistics.edgeCount(), statistics.directed(),
                Math.max(1, parallelism));
        long needed = definition.memoryBytesOf(shape, params);
        long available = memory.availableBytes();
        if (needed > available) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("needed_bytes", needed);
            details.put("available_bytes", available);
            details.put("algorithm", definition.name());
            details.put("engine", engine);
            throw new ConflictException("MEMORY_LIMIT_EXCEEDED", definition.name() + " needs about " + needed
                    + " bytes of host memory on this graph but only " + available + " are free", details);
        }
        return needed;
    }

    private static UnavailableException notSupported(String algorithm, EngineInfo info, String hint) {
        return new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "the " + info.name()
                + " engine does not run algorithm '" + algorithm + "'" + hint,
                Map.of("algorithm", algorithm, "engine", info.name(), "supported", List.copyOf(info.algorithms())));
    }
}
