package io.grapholap.rest.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.dataset.UploadDataset;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.grapholap.rest.error.ErrorCodes;
import io.grapholap.rest.input.StorableJsonFactory;
import io.grapholap.rest.web.BodyLimits;
import io.grapholap.rest.web.RestppEnvelope;
import io.grapholap.rest.web.RestppErrors;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST++ upsert, {@code POST /graph/{dataset}}: vertices and edges as JSON, answered in the
 * REST++ envelope {@code {version, error, message, results}}, errors included (with a {@code code}
 * and, for bad input, the offending {@code field}).
 */
@Controller("/graph")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "restpp")
@RestppErrors
final class GraphUpsertController {

    private static final ObjectMapper JSON = new ObjectMapper(new StorableJsonFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final UploadDataset upload;
    private final long maxBodyBytes;

    GraphUpsertController(UploadDataset upload, BodyLimits limits) {
        this.upload = upload;
        this.maxBodyBytes = limits.datasetBytes();
    }

    // Form-encoded too: "curl -d '{…}'" sends the JSON with that content type.
    @Post(uri = "/{dataset}", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_OCTET_STREAM})
    @RequestBody(required = true,
            description = "The REST++ upsert document: vertices by label and key with their attributes, edges by source label, key, type, target label and key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = "object",
                            example = "{\"vertices\": {\"Person\": {\"p1\": {\"name\": {\"value\": \"Ann\"}}, \"p2\": {}}}, \"edges\": {\"Person\": {\"p1\": {\"knows\": {\"Person\": {\"p2\": {}}}}}}}")))
    @Operation(summary = "Upsert vertices and edges into a dataset (created if absent); each call writes a new version")
    HttpResponse<Map<String, Object>> upsert(Actor actor, @PathVariable String dataset,
                                            @Parameter(hidden = true) @Body byte[] body) {
        if (body.length > maxBodyBytes) {
            return failure(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "REST-4000", "the body is " + body.length
                    + " bytes; an upsert takes at most " + maxBodyBytes, Map.of("field", "body", "max_bytes", maxBodyBytes));
        }
        Object tree;
        try {
            tree = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return failure(HttpStatus.BAD_REQUEST, "REST-1000", "the body is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), Map.of("field", "body"));
        } catch (java.io.IOException e) {
            return failure(HttpStatus.BAD_REQUEST, "REST-1000", "the body cannot be read: " + e.getMessage(), Map.of("field", "body"));
        }
        UploadDataset.Result result = upload.upsert(actor, dataset, tree);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("accepted_vertices", result.acceptedVertices());
        accepted.put("accepted_edges", result.acceptedEdges());
        accepted.put("dataset", result.dataset().name().value());
        accepted.put("dataset_version", result.version().version());
        return HttpResponse.ok(RestppEnvelope.ok(List.of(accepted), result.version().version()));
    }

    /** Domain errors of this route in the REST++ envelope; the status follows the platform's mapping. */
    @Error(exception = DomainException.class)
    HttpResponse<Map<String, Object>> domainError(HttpRequest<?> request, DomainException e) {
        return failure(ErrorCodes.statusOf(e), e.code(), e.getMessage(), e.details());
    }

    private static HttpResponse<Map<String, Object>> failure(HttpStatus status, String code, String message,
                                                             Map<String, ?> details) {
        return HttpResponse.<Map<String, Object>>status(status).body(RestppEnvelope.error(code, message, details));
    }

}
