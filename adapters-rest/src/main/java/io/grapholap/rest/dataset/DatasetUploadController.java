package io.grapholap.rest.dataset;

import io.grapholap.application.dataset.UploadDataset;
import io.grapholap.application.dataset.UploadDataset.TableFormat;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.dataset.DatasetWebModels.UploadWebModel;
import io.grapholap.rest.error.ErrorEnvelope;
import io.grapholap.rest.input.StorableText;
import io.grapholap.rest.web.BodyLimits;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Bulk uploads of one node or edge table into a dataset, as CSV ({@code text/csv}, header row) or an
 * Arrow IPC stream ({@code application/vnd.apache.arrow.stream}). Each upload writes a new version.
 */
@Controller("/api/datasets/{name}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "datasets")
@PlatformErrors
final class DatasetUploadController {

    static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    static final String CSV = "text/csv";

    private final UploadDataset upload;
    private final long maxBodyBytes;

    DatasetUploadController(UploadDataset upload, BodyLimits limits) {
        this.upload = upload;
        this.maxBodyBytes = limits.datasetBytes();
    }

    @RequestBody(required = true, description = "A CSV table with a header row, or an Arrow IPC stream", content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", example = "id,name\np1,Ann\n")),
            @Content(mediaType = ARROW_STREAM, schema = @Schema(type = "string", format = "binary"))})
    @Post(uri = "/nodes/{label}", consumes = {CSV, ARROW_STREAM, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upsert the vertices of a label from a CSV or Arrow IPC table; key = the key column (default: the first); creates the dataset if absent")
    HttpResponse<?> nodes(Actor actor, HttpRequest<?> request, @PathVariable String name, @PathVariable String label,
                          @Nullable @QueryValue String key,
                          @Parameter(hidden = true) @Body byte[] body) {
        HttpResponse<?> refused = refuse(request, body);
        if (refused != null) {
            return refused;
        }
        var result = upload.uploadNodes(actor, name, label, key, format(request), new ByteArrayInputStream(body));
        return HttpResponse.ok(DataEnvelope.of(UploadWebModel.from(result)));
    }

    @RequestBody(required = true, description = "A CSV table with a header row, or an Arrow IPC stream", content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", example = "id,name\np1,Ann\n")),
            @Content(mediaType = ARROW_STREAM, schema = @Schema(type = "string", format = "binary"))})
    @Post(uri = "/edges/{type}", consumes = {CSV, ARROW_STREAM, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upsert the edges of a type from a CSV or Arrow IPC table; from_label and to_label name the endpoint labels, from_column and to_column the key columns (default: the first two); creates the dataset if absent")
    HttpResponse<?> edges(Actor actor, HttpRequest<?> request, @PathVariable String name, @PathVariable String type,
                          @Nullable @QueryValue("from_label") String fromLabel,
                          @Nullable @QueryValue("to_label") String toLabel,
                          @Nullable @QueryValue("from_column") String fromColumn,
                          @Nullable @QueryValue("to_column") String toColumn,
                          @Parameter(hidden = true) @Body byte[] body) {
        HttpResponse<?> refused = refuse(request, body);
        if (refused != null) {
            return refused;
        }
        var result = upload.uploadEdges(actor, name, type, fromLabel, toLabel, fromColumn, toColumn, format(request),
                new ByteArrayInputStream(body));
        return HttpResponse.ok(DataEnvelope.of(UploadWebModel.from(result)));
    }

    /** 413 over the body limit; null when the body may go on. A CSV body must be storable UTF-8 text (400 otherwise). */
    private HttpResponse<?> refuse(HttpRequest<?> request, byte[] body) {
        if (body.length > maxBodyBytes) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ErrorEnvelope.of("PAYLOAD_TOO_LARGE",
                    "the body is " + body.length + " bytes; an upload takes at most " + maxBodyBytes,
                    Map.of("field", "body", "max_bytes", maxBodyBytes)));
        }
        if (format(request) == TableFormat.CSV) {
            StorableText.decodeUtf8("body", body);
        }
        return null;
    }

    /** Arrow for the Arrow stream type (or octet-stream), CSV otherwise. */
    private static TableFormat format(HttpRequest<?> request) {
        String type = request.getContentType().map(MediaType::getName).orElse(CSV);
        return type.equals(ARROW_STREAM) || type.equals(MediaType.APPLICATION_OCTET_STREAM) ? TableFormat.ARROW : TableFormat.CSV;
    }
}
