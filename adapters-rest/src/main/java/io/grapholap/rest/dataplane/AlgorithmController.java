package io.grapholap.rest.dataplane;

import io.grapholap.application.algorithm.AlgorithmCommand;
import io.grapholap.application.algorithm.CancelExecution;
import io.grapholap.application.algorithm.ExecutionMode;
import io.grapholap.application.algorithm.ExecutionStatus;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.algorithm.StartExecution;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.dataplane.DataPlaneWebModels.AlgorithmRequest;
import io.grapholap.rest.dataplane.DataPlaneWebModels.ExecutionWebModel;
import io.grapholap.rest.dataplane.DataPlaneWebModels.LockWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Algorithm runs on a running instance: start (200 with the finished execution, or 202 with a
 * running one to poll), status, result, cancel, and the instance's algorithm lock.
 */
@Controller("/api/instances/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "data plane")
final class AlgorithmController {

    private final StartExecution start;
    private final ReadExecutions read;
    private final CancelExecution cancel;

    AlgorithmController(StartExecution start, ReadExecutions read, CancelExecution cancel) {
        this.start = start;
        this.read = read;
        this.cancel = cancel;
    }

    @Post("/algo/{name}")
    @Operation(summary = "Run an algorithm in mode stream, stats or mutate (mutate_property); params may hold the options the instance's engine offers (precision on gpu); one at a time per instance (409 RESOURCE_LOCKED); 409 MEMORY_LIMIT_EXCEEDED when its estimate does not fit")
    HttpResponse<DataEnvelope<ExecutionWebModel>> start(Actor actor, @PathVariable long id, @PathVariable String name,
                                                        @Nullable @Body AlgorithmRequest body) {
        AlgorithmRequest b = body == null ? new AlgorithmRequest(null, null, null, null, null) : body;
        var command = new AlgorithmCommand(name, b.params(), ExecutionMode.parse(b.mode()), b.mutateProperty(),
                b.timeoutMs(), b.engine());
        var execution = start.start(actor, id, command);
        var model = DataEnvelope.of(ExecutionWebModel.from(execution, true));
        return execution.status() == ExecutionStatus.RUNNING ? HttpResponse.accepted().body(model)
                : HttpResponse.ok(model);
    }

    @Get("/algo/executions/{executionId}")
    @Operation(summary = "Status and progress of an algorithm execution (its starter or an admin)")
    DataEnvelope<ExecutionWebModel> status(Actor actor, @PathVariable long id, @PathVariable String executionId) {
        return DataEnvelope.of(ExecutionWebModel.from(read.get(actor, id, executionId), false));
    }

    @Get("/algo/executions/{executionId}/result")
    @Operation(summary = "Result of a completed execution; 409 INVALID_STATE while it runs, its error once failed")
    DataEnvelope<ExecutionWebModel> result(Actor actor, @PathVariable long id, @PathVariable String executionId) {
        return DataEnvelope.of(ExecutionWebModel.from(read.result(actor, id, executionId), true));
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
