package io.grapholap.application.instance;

import io.grapholap.application.graph.GraphInstance;

/** A running instance: its id, owner, the engine it runs on and its loaded graph. */
public record LiveInstance(long id, String owner, String engine, GraphInstance graph) {
}
