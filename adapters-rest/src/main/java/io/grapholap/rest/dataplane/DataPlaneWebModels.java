package io.grapholap.rest.dataplane;

import io.grapholap.application.algorithm.Execution;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.dataplane.SchemaUseCase;
import io.grapholap.application.graph.GraphSchema;
import io.micronaut.core.annotation.Introspected;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.media.Schema;

/** Query, schema and algorithm resources on the wire (snake_case through the server's JSON settings). */
final class DataPlaneWebModels {

    private DataPlaneWebModels() {
    }

    @Introspected
    record QueryRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String query, Map<String, Object> parameters, Long timeoutMs,
                        @Schema(allowableValues = {"cypher", "gremlin"},
                                description = "absent: a text starting with 'g.' is Gremlin, any other is Cypher") String language) {
    }

    @Introspected
    record QueryWebModel(long instanceId, String engine, String language, List<String> columns, List<List<Object>> rows, int rowCount,
                         long executionTimeMs, boolean truncated) {
        static QueryWebModel from(QueryUseCase.Outcome o) {
            return new QueryWebModel(o.instanceId(), o.engine(), o.language().label(), o.result().columns(), o.result().rows(),
                    o.result().rows().size(), o.result().executionMillis(), o.result().truncated());
        }
    }

    @Introspected
    record PropertyWebModel(String name, String type) {
        static List<PropertyWebModel> of(List<GraphSchema.Property> properties) {
            return properties.stream().map(p -> new PropertyWebModel(p.name(), p.type().name())).toList();
        }
    }

    @Introspected
    record LabelWebModel(String label, long count, String keyType, List<PropertyWebModel> properties) {
    }

    @Introspected
    record EdgeTypeWebModel(String type, String fromNode, String toNode, long count, List<PropertyWebModel> properties) {
    }

    @Introspected
    record SchemaWebModel(long instanceId, String engine, long vertexCount, long edgeCount, boolean directed,
                          List<LabelWebModel> nodeLabels, List<EdgeTypeWebModel> edgeTypes) {
        static SchemaWebModel from(SchemaUseCase.Outcome o) {
            return new SchemaWebModel(o.instanceId(), o.engine(), o.statistics().vertexCount(), o.statistics().edgeCount(),
                    o.statistics().directed(),
                    o.schema().labels().stream().map(l -> new LabelWebModel(l.name(), l.count(),
                            l.keyType() == null ? null : l.keyType().name(), PropertyWebModel.of(l.properties()))).toList(),
                    o.schema().edgeTypes().stream().map(t -> new EdgeTypeWebModel(t.name(), t.fromLabel(), t.toLabel(),
                            t.count(), PropertyWebModel.of(t.properties()))).toList());
        }
    }

    /** The body of {@code POST /api/instances/{id}/algo/{name}}; every field is optional. */
    @Introspected
    record AlgorithmRequest(Map<String, Object> params,
                            @Schema(allowableValues = {"stream", "stats", "mutate"}) String mode, String mutateProperty, Long timeoutMs, String engine) {
    }

    @Introspected
    record ErrorWebModel(String code, String message, Map<String, Object> details) {
    }

    /**
     * One execution. {@code result} is present on a finished start and on the result route: for
     * stream {@code columns}, {@code rows}, {@code row_count}, {@code truncated} and {@code stats};
     * for stats {@code stats}; for mutate {@code mutate_property}, {@code vertices_written} and
     * {@code stats}. {@code origin} is {@code request} (this API) or {@code function} (UDF code, which
     * keeps the algorithm's figures in {@code stats}).
     */
    @Introspected
    record ExecutionWebModel(String executionId, long instanceId, String algorithm, String mode, String status,
                             String startedBy, Instant startedAt, Instant finishedAt, Long durationMs, String engine,
                             String phase, int progressPercent, String origin, Map<String, Object> result,
                             ErrorWebModel error) {
        static ExecutionWebModel from(Execution e, boolean withResult) {
            Map<String, Object> result = null;
            if (withResult && e.result() != null) {
                var r = e.result();
                result = new LinkedHashMap<>();
                switch (e.mode()) {
                    case STREAM -> {
                        List<List<Object>> rows = r.rows();
                        result.put("columns", r.columns());
                        result.put("rows", rows);
                        result.put("row_count", rows.size());
                        result.put("total_rows", r.rowCount());
                        result.put("truncated", r.truncated());
                        result.put("stats", r.stats());
                    }
                    case STATS -> result.put("stats", r.stats());
                    case MUTATE -> {
                        result.put("mutate_property", r.mutateProperty());
                        result.put("vertices_written", r.verticesWritten());
                        result.put("stats", r.stats());
                    }
                }
            }
            Long duration = e.finishedAt() == null ? null : Duration.between(e.startedAt(), e.finishedAt()).toMillis();
            ErrorWebModel error = e.error() == null ? null
                    : new ErrorWebModel(e.error().code(), e.error().message(), e.error().details());
            return new ExecutionWebModel(e.executionId(), e.instanceId(), e.algorithm(), e.mode().wireName(),
                    e.status().wireName(), e.user(), e.startedAt(), e.finishedAt(), duration, e.engine(), e.phase(),
                    (int) Math.round(e.progress() * 100), e.origin(), result, error);
        }
    }

    /** The algorithm lock of an instance, as the platform's LockStatus. */
    @Introspected
    record LockWebModel(long instanceId, boolean locked, String holderId, String holderName, String algorithm,
                        String executionId, Instant lockedAt) {
        static LockWebModel from(ReadExecutions.LockStatus l) {
            return new LockWebModel(l.instanceId(), l.locked(), l.holderId(), l.holderName(), l.algorithm(),
                    l.executionId(), l.lockedAt());
        }
    }
}
