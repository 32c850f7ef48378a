package io.grapholap.rest.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.library.DeleteLibrary;
import io.grapholap.application.library.ReadLibraries;
import io.grapholap.application.library.SaveLibrary;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import io.grapholap.rest.input.StorableText;
import io.grapholap.rest.input.StorableJsonFactory;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
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
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The function-library routes under {@code /evaluator/v1/libraries}: global libraries
 * without {@code bucket}/{@code scope}, scoped ones with both. The create-or-replace body is the
 * library's code as raw text, whatever the Content-Type (the existing clients send JavaScript labelled
 * {@code application/json}); a body that is one JSON string is unwrapped. {@code language}
 * ({@code js} by default, or {@code python}) says what the code is written in.
 */
@Controller("/evaluator/v1/libraries")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "libraries")
@PlatformErrors
final class LibraryController {

    private static final ObjectMapper JSON = new ObjectMapper(new StorableJsonFactory());

    private final SaveLibrary saveLibrary;
    private final ReadLibraries readLibraries;
    private final DeleteLibrary deleteLibrary;

    LibraryController(SaveLibrary saveLibrary, ReadLibraries readLibraries, DeleteLibrary deleteLibrary) {
        this.saveLibrary = saveLibrary;
        this.readLibraries = readLibraries;
        this.deleteLibrary = deleteLibrary;
    }

    /** A library in the list shape the library API's clients read, plus its language and who changed it last. */
    @Introspected
    record LibraryWebModel(String name, String bucket, String scope, String language, String code, String updatedBy,
                           Instant createdAt, Instant updatedAt) {
        static LibraryWebModel from(Library l) {
            return new LibraryWebModel(l.name(), l.namespace().bucket(), l.namespace().scope(), l.language(), l.code(), l.updatedBy(),
                    l.createdAt(), l.updatedAt());
        }
    }

    @Get
    @Operation(summary = "List libraries: global ones and those of the caller's organisations, or those of one bucket and scope")
    List<LibraryWebModel> list(Actor actor, @Nullable @QueryValue String bucket, @Nullable @QueryValue String scope) {
        LibraryNamespace namespace = LibraryNamespace.of(bucket, scope);
        return readLibraries.list(actor, namespace.global() ? null : namespace).stream().map(LibraryWebModel::from).toList();
    }

    @Get("/{library}")
    @Operation(summary = "Read one library as {\"<name>\": \"<code>\"}")
    Map<String, String> get(Actor actor, @PathVariable String library, @Nullable @QueryValue String bucket,
                            @Nullable @QueryValue String scope) {
        Library found = readLibraries.get(actor, LibraryNamespace.of(bucket, scope), library);
        return Map.of(found.name(), found.code());
    }

    @Post("/{library}")
    @Consumes(MediaType.ALL)
    @RequestBody(required = true,
            description = "The library's code (JavaScript, or Python with language=python)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = "string",
                            example = "function add(a, b) { return a + b; }")))
    @Operation(summary = "Create or replace a library; the body is its code")
    HttpResponse<LibraryWebModel> save(Actor actor, @PathVariable String library, @Nullable @QueryValue String bucket,
                                       @Nullable @QueryValue String scope, @Nullable @QueryValue String language,
                                       @Parameter(hidden = true) @Nullable @Body byte[] body) {
        String code = code(body);
        SaveLibrary.Saved saved = saveLibrary.save(actor, LibraryNamespace.of(bucket, scope), library, language, code);
        return HttpResponse.ok(LibraryWebModel.from(saved.library()));
    }

    @Delete("/{library}")
    @Operation(summary = "Delete a library (409 RESOURCE_HAS_DEPENDENCIES naming the UDFs that import it)")
    HttpResponse<Void> delete(Actor actor, @PathVariable String library, @Nullable @QueryValue String bucket,
                              @Nullable @QueryValue String scope) {
        deleteLibrary.delete(actor, LibraryNamespace.of(bucket, scope), library);
        return HttpResponse.ok();
    }

    private static String code(byte[] body) {
        if (body == null) {
            return null;
        }
        String text = StorableText.decodeUtf8("body", body);
        String trimmed = text.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            try {
                return JSON.readValue(trimmed, String.class);
            } catch (IOException notOneJsonString) {
                return text;
            }
        }
        return text;
    }
}
