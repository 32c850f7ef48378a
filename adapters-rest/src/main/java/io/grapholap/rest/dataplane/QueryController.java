package io.grapholap.rest.dataplane;

import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.dataplane.DataPlaneWebModels.QueryRequest;
import io.grapholap.rest.dataplane.DataPlaneWebModels.QueryWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cypher and Gremlin queries on a running instance. JSON by default; {@code Accept: text/csv},
 * {@code application/vnd.apache.arrow.stream} or {@code application/vnd.apache.parquet} give the rows
 * as a table ({@link io.grapholap.application.common.FlatTable}: maps become a column per key), with the
 * engine, row count, truncation and run time in {@code X-Grapholap-*} headers.
 */
@Controller("/api/instances/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "data plane")
@PlatformErrors
final class QueryController {

    private final QueryUseCase queries;
    private final ResultFormats formats;

    QueryController(QueryUseCase queries, ResultFormats formats) {
        this.queries = queries;
        this.formats = formats;
    }

    @Post("/query")
    @ApiResponse(responseCode = "200", description = "The rows (JSON), or a table (CSV, Arrow, Parquet) with a column per map key",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryEnvelope.class)),
                    @Content(mediaType = ResultFormats.CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = ResultFormats.ARROW_STREAM, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ResultFormats.PARQUET, schema = @Schema(type = "string", format = "binary"))})
    @Produces({MediaType.APPLICATION_JSON, ResultFormats.CSV, ResultFormats.ARROW_STREAM, ResultFormats.PARQUET})
    @Operation(summary = "Run a read-only Cypher or Gremlin query with parameters",
            description = "language is cypher or gremlin; when absent, a text starting with 'g.' is Gremlin and any other "
                    + "is Cypher. Bounded by timeout_ms (at most the server maximum), the row limit (truncated) and, for "
                    + "Cypher, the rows an intermediate result may hold (QUERY_ROW_LIMIT_EXCEEDED). docs/cypher.md")
    MutableHttpResponse<?> query(Actor actor, @PathVariable long id, @Body QueryRequest body,
                                 @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        ResultFormats.Format format = ResultFormats.negotiate(accept);
        if (format == null) {
            return ResultFormats.notAcceptable(accept);
        }
        if (body == null) {
            throw new ValidationException("query", "a JSON body with 'query' is required");
        }
        var outcome = queries.run(actor, id, QueryUseCase.Command.of(body.query(), body.parameters(), body.timeoutMs(), body.language()));
        if (format == ResultFormats.Format.JSON) {
            return HttpResponse.ok(DataEnvelope.of(QueryWebModel.from(outcome))).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        var result = outcome.result();
        return formats.answer(format, result.columns(), result.rows())
                .header("X-Grapholap-Engine", outcome.engine())
                .header("X-Grapholap-Language", outcome.language().label())
                .header("X-Grapholap-Row-Count", Integer.toString(result.rows().size()))
                .header("X-Grapholap-Truncated", Boolean.toString(result.truncated()))
                .header("X-Grapholap-Execution-Time-Ms", Long.toString(result.executionMillis()));
    }

    /** The JSON answer, for the OpenAPI document. */
    private record QueryEnvelope(QueryWebModel data) {
    }
}
