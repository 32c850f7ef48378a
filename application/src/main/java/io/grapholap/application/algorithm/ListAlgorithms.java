package io.grapholap.application.algorithm;

import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.domain.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The algorithm catalog: every algorithm of the registry (name, description, parameters with types,
 * defaults and ranges, result columns) with the engines of this server that run it and the extra
 * options each of those engines takes for it. Clients and the docs are generated from this list, so
 * it says what the server parses, never a copy of it.
 */
public final class ListAlgorithms {

    private final EngineChoice engines;

    public ListAlgorithms(EngineChoice engines) {
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** An engine that runs an algorithm: its name, whether it can be used now, and its own options. */
    public record Runner(String engine, boolean available, List<ParamSpec> options) {
    }

    /** One algorithm and the engines that run it, the default engine first. */
    public record Entry(AlgorithmDefinition<?> definition, List<Runner> engines) {
    }

    /** All algorithms, in registry order. */
    public List<Entry> list() {
        return AlgorithmRegistry.all().stream().map(this::entry).toList();
    }

    /** The algorithm called {@code name}; an unknown name is a 404. */
    public Entry get(String name) {
        return entry(AlgorithmRegistry.find(name).orElseThrow(() -> new NotFoundException("algorithm", name)));
    }

    private Entry entry(AlgorithmDefinition<?> definition) {
        List<Runner> runners = new ArrayList<>();
        for (var engine : engines.present()) {
            EngineInfo info = engine.info();
            if (info.runs(definition.name())) {
                runners.add(new Runner(info.name(), info.available(), info.options(definition.name())));
            }
        }
        return new Entry(definition, List.copyOf(runners));
    }
}
