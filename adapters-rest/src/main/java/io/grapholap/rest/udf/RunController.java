package io.grapholap.rest.udf;

import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.RunFunctions;
import io.grapholap.application.udf.RunFunctions.RunRequest;
import io.grapholap.application.udf.RunResult;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.udf.FunctionWebModels.RunBody;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;

/**
 * The UDF run routes ({@code /api/v2/o/{org}/run/{language}/...}). The body is the function's
 * output in its format (JSON, CSV, Parquet, Arrow); header {@code X-GraphOLAP-Engine} says which
 * engine ran. The run's timeout is the body's {@code timeout_ms} (at most the server maximum) or
 * the server default, lowered by a {@code GSQL-TIMEOUT} header (milliseconds) when that is lower.
 */
@Controller("/api/v2/o/{org}/run/{language}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = RunFunctions.class)
@Tag(name = "udfs")
@PlatformErrors
final class RunController {

    static final String ENGINE_HEADER = "X-GraphOLAP-Engine";

    private final RunFunctions runs;

    RunController(RunFunctions runs) {
        this.runs = runs;
    }

    @Post("/{uuidOrAlias}")
    @Operation(summary = "Run a UDF on its load_dataset, or on the graph its load_data builds (runner, editor or author)")
    HttpResponse<byte[]> run(Actor actor, @PathVariable String org,
                             @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                             @PathVariable String uuidOrAlias,
                             @Nullable @Header("GSQL-TIMEOUT") String gsqlTimeout, @Nullable @Body RunBody body) {
        return answer(runs.run(actor, request(org, language, uuidOrAlias, null, gsqlTimeout, body)));
    }

    @Post("/{uuidOrAlias}/dataset/{datasetId}")
    @Operation(summary = "Run a UDF on the dataset of the URL (its load_dataset and load_data are ignored)")
    HttpResponse<byte[]> runOnDataset(Actor actor, @PathVariable String org,
                                      @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                                      @PathVariable String uuidOrAlias, @PathVariable String datasetId,
                                      @Nullable @Header("GSQL-TIMEOUT") String gsqlTimeout, @Nullable @Body RunBody body) {
        return answer(runs.run(actor, request(org, language, uuidOrAlias, datasetId, gsqlTimeout, body)));
    }

    private RunRequest request(String org, String language, String uuidOrAlias, String datasetId, String gsqlTimeout, RunBody body) {
        RunBody b = body == null ? new RunBody(null, null, null, null) : body;
        Duration timeout = b.timeoutMs() == null ? null : Duration.ofMillis(b.timeoutMs());
        if (b.timeoutMs() != null && b.timeoutMs() < 1) {
            throw new ValidationException("timeout_ms", "timeout_ms must be positive, got " + b.timeoutMs());
        }
        Duration header = headerTimeout(gsqlTimeout);
        Duration current = timeout == null ? runs.settings().defaultTimeout() : timeout;
        if (header != null && header.compareTo(current) < 0) {
            timeout = header;
        }
        return new RunRequest(org, language, uuidOrAlias, datasetId, b.loadDataArgs(), b.executeArgs(), b.engine(), timeout, null);
    }

    static Duration headerTimeout(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long ms = Long.parseLong(value.trim());
            if (ms < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new ValidationException("GSQL-TIMEOUT", "GSQL-TIMEOUT must be a positive number of milliseconds, got '" + value + "'");
        }
    }

    private static HttpResponse<byte[]> answer(RunResult result) {
        return HttpResponse.ok(result.body()).contentType(MediaType.of(result.contentType())).header(ENGINE_HEADER, result.engine());
    }
}
