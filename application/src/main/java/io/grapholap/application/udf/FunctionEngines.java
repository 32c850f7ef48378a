package io.grapholap.application.udf;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.domain.udf.FunctionEngine;

/**
 * The engine a UDF run loads its graph on, chosen by the same rules as an instance's
 * ({@link EngineChoice}): an absent or unusable engine fails with ENGINE_UNAVAILABLE and its reason;
 * only {@code auto} falls back to the CPU.
 */
public final class FunctionEngines {

    private final EngineChoice engines;

    public FunctionEngines(EngineChoice engines) {
        this.engines = engines;
    }

    public GraphEngine pick(FunctionEngine choice) {
        return engines.choose(choice.engineName()).engine();
    }
}
