package io.grapholap.engine.cpu.gremlin;

import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.engine.cpu.graph.CsrGraph;
import java.util.Map;

/**
 * Placeholder until the TinkerPop structure over {@link CsrGraph} is merged: runs Gremlin queries
 * against one graph. This version refuses every query.
 */
public final class GremlinExecutor {

    private final CsrGraph graph;

    public GremlinExecutor(CsrGraph graph) {
        this.graph = graph;
    }

    public QueryResult execute(String query, Map<String, Object> bindings, QueryLimits limits) {
        throw new UnavailableException("SERVICE_UNAVAILABLE", "Gremlin is not available in this build",
                Map.of("vertices", graph.vertexCount()));
    }
}
