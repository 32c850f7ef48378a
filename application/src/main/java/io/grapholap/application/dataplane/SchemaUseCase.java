package io.grapholap.application.dataplane;

import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import java.util.Objects;

/** The schema of a running instance's graph: labels, edge types, counts and property types. */
public final class SchemaUseCase {

    private final LiveInstances instances;

    public SchemaUseCase(LiveInstances instances) {
        this.instances = Objects.requireNonNull(instances, "instances");
    }

    /** The schema with the totals and the engine holding the graph. */
    public record Outcome(long instanceId, String engine, GraphSchema schema, GraphStatistics statistics) {
    }

    public Outcome get(Actor actor, long instanceId) {
        LiveInstance instance = instances.use(instanceId, actor);
        return new Outcome(instanceId, instance.graph().engine(), instance.graph().schema(), instance.graph().statistics());
    }
}
