package io.grapholap.rest.ops;

import io.grapholap.application.ops.BackgroundJobs;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** Background jobs of the OpsResource (ops role): their status, and a manual trigger. */
@Controller("/api/ops/jobs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ops")
@PlatformErrors
final class OpsJobsController {

    private final BackgroundJobs jobs;

    OpsJobsController(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    @Get("/status")
    @Operation(summary = "Every background job: schedule, running, last run, duration, result, last success/failure, next run, health")
    DataEnvelope<JobsWebModel> status(Actor actor) {
        return DataEnvelope.of(new JobsWebModel(jobs.status(actor).stream().map(JobWebModel::from).toList()));
    }

    @Post("/trigger")
    @Operation(summary = "Run a job now (job_name, reason); at most once a minute per job, else 429 with Retry-After")
    @ApiResponse(responseCode = "202", description = "Accepted: the work goes on in the background (poll the resource or its progress)", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<TriggeredWebModel>> trigger(Actor actor, @Body TriggerBody body) {
        BackgroundJobs.Triggered t = jobs.trigger(actor, new BackgroundJobs.TriggerRequest(body.jobName(), body.reason()));
        return HttpResponse.accepted().body(DataEnvelope.of(
                new TriggeredWebModel(t.jobName(), t.status(), t.triggeredAt(), t.triggeredBy(), t.reason())));
    }

    @Introspected
    record TriggeredWebModel(String jobName, String status, Instant triggeredAt, String triggeredBy, String reason) {
    }

    @Introspected
    record TriggerBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String jobName, @Nullable String reason) {
    }

    @Introspected
    record JobsWebModel(List<JobWebModel> jobs) {
    }

    @Introspected
    record JobWebModel(String name, String description, String schedule, long intervalSeconds, boolean running,
                       Instant lastRunAt, Long lastDurationMs, String lastResult, String lastError, Instant lastSuccessAt,
                       Instant lastFailureAt, int consecutiveFailures, long runs, long failures, Instant nextRunAt,
                       String healthStatus, String lastNode, boolean onePerCluster) {
        static JobWebModel from(BackgroundJobs.JobStatus s) {
            return new JobWebModel(s.name(), s.description(), "every " + s.interval(), s.interval().toSeconds(), s.running(),
                    s.lastRunAt(), s.lastDuration() == null ? null : s.lastDuration().toMillis(), s.lastResult(), s.lastError(),
                    s.lastSuccessAt(), s.lastFailureAt(), s.consecutiveFailures(), s.runs(), s.failures(), s.nextRunAt(),
                    s.healthStatus(), s.lastNode(), s.onePerCluster());
        }
    }
}
