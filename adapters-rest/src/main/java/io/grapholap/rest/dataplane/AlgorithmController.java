package io.grapholap.rest.dataplane;

import io.grapholap.application.algorithm.AlgorithmCommand;
import io.grapholap.application.algorithm.CancelExecution;
import io.grapholap.application.algorithm.Execution;
import io.grapholap.application.algorithm.ExecutionMode;
import io.grapholap.application.algorithm.ExecutionStatus;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.algorithm.StartExecution;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.dataplane.DataPlaneWebModels.AlgorithmRequest;
import io.grapholap.rest.dataplane.DataPlaneWebModels.ExecutionWebModel;
import io.grapholap.rest.dataplane.DataPlaneWebModels.LockWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Algorithm runs on a running instance: start (200 with the finished execution, or 202 with a
 * running one to poll), status, result, cancel, and the instance's algorithm lock. A finished
 * execution's result comes as JSON or, by {@code Accept}, as a table in the formats of queries
 * ({@link ResultFormats}): the rows for mode stream, one row of the figures for stats and mutate,
 * with the execution id, engine, row counts and truncation in {@code X-Grapholap-*} headers. A run
 * still going answers 202 with the execution in JSON whatever the {@code Accept}: its table comes
 * from the result route once it has finished.
 */
@Controller("/api/instances/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "data plane")
@PlatformErrors
final class AlgorithmController {

    private final StartExecution start;
    private final ReadExecutions read;
    private final CancelExecution cancel;
    private final ResultFormats formats;

    AlgorithmController(StartExecution start, ReadExecutions read, CancelExecution cancel, ResultFormats formats) {
        this.start = start;
        this.read = read;
        this.cancel = cancel;
        this.formats = formats;
    }

    @Post("/algo/{name}")
    @ApiResponse(responseCode = "200", description = "The finished execution (JSON), or its result as a table (CSV, Arrow, Parquet)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionEnvelope.class)),
                    @Content(mediaType = ResultFormats.CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = ResultFormats.ARROW_STREAM, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ResultFormats.PARQUET, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "202", description = "The execution still runs after the server's wait: poll it, then read its result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionEnvelope.class)))
    @Produces({MediaType.APPLICATION_JSON, ResultFormats.CSV, ResultFormats.ARROW_STREAM, ResultFormats.PARQUET})
    @Operation(summary = "Run an algorithm in mode stream, stats or mutate (mutate_property); params may hold the options the instance's engine offers (precision on gpu); one at a time per instance (409 RESOURCE_LOCKED); 409 MEMORY_LIMIT_EXCEEDED when its estimate does not fit; Accept text/csv, Arrow or Parquet gives a finished result as a table")
    MutableHttpResponse<?> start(Actor actor, @PathVariable long id,
                                 @Parameter(description = "an algorithm of GET /api/algorithms", example = "pagerank") @PathVariable String name,
                                 @Nullable @Body AlgorithmRequest body, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        ResultFormats.Format format = ResultFormats.negotiate(accept);
        if (format == null) {
            return ResultFormats.notAcceptable(accept);
        }
        AlgorithmRequest b = body == null ? new AlgorithmRequest(null, null, null, null, null) : body;
        var command = new AlgorithmCommand(name, b.params(), ExecutionMode.parse(b.mode()), b.mutateProperty(),
                b.timeoutMs(), b.engine());
        var execution = start.start(actor, id, command);
        if (execution.status() == ExecutionStatus.RUNNING) {
            return HttpResponse.accepted().body(DataEnvelope.of(ExecutionWebModel.from(execution, true)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer(execution, format);
    }

    @Get("/algo/executions/{executionId}")
    @Operation(summary = "Status and progress of an algorithm execution (its starter or an admin)")
    DataEnvelope<ExecutionWebModel> status(Actor actor, @PathVariable long id, @PathVariable String executionId) {
        return DataEnvelope.of(ExecutionWebModel.from(read.get(actor, id, executionId), false));
    }

    @Get("/algo/executions/{executionId}/result")
    @ApiResponse(responseCode = "200", description = "The finished execution (JSON), or its result as a table (CSV, Arrow, Parquet)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionEnvelope.class)),
                    @Content(mediaType = ResultFormats.CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = ResultFormats.ARROW_STREAM, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ResultFormats.PARQUET, schema = @Schema(type = "string", format = "binary"))})
    @Produces({MediaType.APPLICATION_JSON, ResultFormats.CSV, ResultFormats.ARROW_STREAM, ResultFormats.PARQUET})
    @Operation(summary = "Result of a completed execution, as JSON or (by Accept) as a CSV, Arrow or Parquet table; 409 INVALID_STATE while it runs, its error once failed")
    MutableHttpResponse<?> result(Actor actor, @PathVariable long id, @PathVariable String executionId,
                                  @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        ResultFormats.Format format = ResultFormats.negotiate(accept);
        if (format == null) {
            return ResultFormats.notAcceptable(accept);
        }
        return answer(read.result(actor, id, executionId), format);
    }

    /** The JSON answer of a start or a result, for the OpenAPI document. */
    private record ExecutionEnvelope(ExecutionWebModel data) {
    }

    private MutableHttpResponse<?> answer(Execution execution, ResultFormats.Format format) {
        if (format == ResultFormats.Format.JSON) {
            return HttpResponse.ok(DataEnvelope.of(ExecutionWebModel.from(execution, true)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        var r = execution.result();
        MutableHttpResponse<byte[]> response;
        int rowCount;
        if (execution.mode() == ExecutionMode.STREAM) {
            List<List<Object>> rows = r.rows();
            rowCount = rows.size();
            response = formats.answer(format, r.columns(), rows);
        } else {
            Map<String, Object> figures = execution.mode() == ExecutionMode.STATS ? r.stats()
                    : ExecutionWebModel.from(execution, true).result();
            List<List<Object>> row = new ArrayList<>();
            row.add(new ArrayList<>(List.of(figures)));
            rowCount = 1;
            response = formats.answer(format, List.of("result"), row);
        }
        return response.header("X-Grapholap-Execution-Id", execution.executionId())
                .header("X-Grapholap-Engine", r.engine())
                .header("X-Grapholap-Row-Count", Integer.toString(rowCount))
                .header("X-Grapholap-Total-Rows", Long.toString(execution.mode() == ExecutionMode.STREAM ? r.rowCount() : 1))
                .header("X-Grapholap-Truncated", Boolean.toString(r.truncated()));
    }

    @Delete("/algo/executions/{executionId}")
    @Operation(summary = "Cancel a running execution")
    DataEnvelope<ExecutionWebModel> cancel(Actor actor, @PathVariable long id, @PathVariable String executionId) {
        return DataEnvelope.of(ExecutionWebModel.from(cancel.cancel(actor, id, executionId), false));
    }

    @Get("/lock")
    @Operation(summary = "The instance's algorithm lock: holder, algorithm, execution id and since when")
    DataEnvelope<LockWebModel> lock(Actor actor, @PathVariable long id) {
        return DataEnvelope.of(LockWebModel.from(read.lock(actor, id)));
    }
}
