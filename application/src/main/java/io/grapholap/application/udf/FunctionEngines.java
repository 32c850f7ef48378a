package io.grapholap.application.udf;

import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.udf.FunctionEngine;
import java.util.Map;

/**
 * The engines a UDF can run on, by name ({@code cpu}, {@code gpu}). Asking for an engine that is
 * absent or unusable fails with ENGINE_UNAVAILABLE and the engine's reason; only {@code auto} falls
 * back to the CPU.
 */
public final class FunctionEngines {

    private final Map<String, GraphEngine> engines;

    public FunctionEngines(Map<String, GraphEngine> engines) {
        this.engines = Map.copyOf(engines);
    }

    public GraphEngine pick(FunctionEngine choice) {
        return switch (choice) {
            case CPU -> usable("cpu");
            case GPU -> usable("gpu");
            case AUTO -> {
                GraphEngine gpu = engines.get("gpu");
                yield gpu != null && gpu.info().available() ? gpu : usable("cpu");
            }
        };
    }

    private GraphEngine usable(String name) {
        GraphEngine engine = engines.get(name);
        if (engine == null) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine is not installed on this server",
                    Map.of("engine", name));
        }
        EngineInfo info = engine.info();
        if (!info.available()) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine cannot be used: " + info.unavailableReason(),
                    Map.of("engine", name, "reason", info.unavailableReason()));
        }
        return engine;
    }
}
