package io.grapholap.rest.udf;

import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.FunctionUseCases;
import io.grapholap.application.udf.FunctionUseCases.CreateCommand;
import io.grapholap.application.udf.FunctionUseCases.UpdateCommand;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.udf.FunctionWebModels.FunctionBody;
import io.grapholap.rest.udf.FunctionWebModels.FunctionPage;
import io.grapholap.rest.udf.FunctionWebModels.FunctionWebModel;
import io.grapholap.rest.udf.FunctionWebModels.PermissionsBody;
import io.grapholap.rest.udf.FunctionWebModels.PermissionsWebModel;
import io.grapholap.rest.web.BaseUrl;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** UDF definitions under {@code /api/v2/o/{org}/functions/{language}}: each route hands to one use case. */
@Controller("/api/v2/o/{org}/functions/{language}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = FunctionUseCases.class)
@Tag(name = "udfs")
@PlatformErrors
final class FunctionController {

    private final FunctionUseCases functions;

    FunctionController(FunctionUseCases functions) {
        this.functions = functions;
    }

    @Get("/")
    @Operation(summary = "List the organisation's UDFs in this language that the caller may edit (limit at most 100, offset); next and previous are absolute URLs")
    FunctionPage<FunctionWebModel> list(HttpRequest<?> request, Actor actor, @PathVariable String org,
                                        @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                                        @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        int l = limit == null ? 50 : limit;
        int o = offset == null ? 0 : offset;
        return FunctionPage.of(functions.list(actor, org, language, o, l),
                BaseUrl.of(request) + "/api/v2/o/" + org + "/functions/" + language + "/",
                FunctionWebModel::from);
    }

    @Get("/{uuidOrAlias}")
    @Operation(summary = "Get a UDF by uuid or alias (author, editors, admins)")
    FunctionWebModel get(Actor actor, @PathVariable String org,
                         @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                         @PathVariable String uuidOrAlias) {
        return FunctionWebModel.from(functions.get(actor, org, language, uuidOrAlias));
    }

    @Post("/")
    @Operation(summary = "Create a UDF without an alias (a uuid is assigned); code is checked (400 with the line)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<FunctionWebModel> create(Actor actor, @PathVariable String org,
                                          @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                                          @Body FunctionBody body) {
        return HttpResponse.created(FunctionWebModel.from(functions.create(actor, org, language, command(body, body.alias()))));
    }

    @Post("/{alias}")
    @Operation(summary = "Create a UDF with the alias of the URL (unique in the organisation; 409 when taken)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<FunctionWebModel> createWithAlias(Actor actor, @PathVariable String org,
                                                   @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                                                   @PathVariable String alias, @Body FunctionBody body) {
        if (body.alias() != null && !body.alias().equals(alias)) {
            throw new ValidationException("alias", "the body's alias '" + body.alias() + "' differs from the URL's '" + alias + "'");
        }
        return HttpResponse.created(FunctionWebModel.from(functions.create(actor, org, language, command(body, alias))));
    }

    @Put("/{uuidOrAlias}")
    @Operation(summary = "Update a UDF: only the fields sent change (author, editors, admins); empty load_dataset/load_data clear them")
    FunctionWebModel update(Actor actor, @PathVariable String org,
                            @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                            @PathVariable String uuidOrAlias,
                            @Body FunctionBody body) {
        if (body.alias() != null) {
            throw new ValidationException("alias", "an alias is set when the function is created and cannot be changed");
        }
        return FunctionWebModel.from(functions.update(actor, org, language, uuidOrAlias, new UpdateCommand(body.isEnabled(),
                body.loadDataset(), body.loadData(), body.execute(), body.engine(), body.outputType(), body.format(),
                body.domainParameters())));
    }

    @Delete("/{uuidOrAlias}")
    @Operation(summary = "Delete a UDF (author, editors, admins)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable String org,
                              @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                              @PathVariable String uuidOrAlias) {
        functions.delete(actor, org, language, uuidOrAlias);
        return HttpResponse.noContent();
    }

    @Get("/{uuidOrAlias}/permissions")
    @Operation(summary = "Who holds the editor and runner permissions (author, editors, admins)")
    PermissionsWebModel permissions(Actor actor, @PathVariable String org,
                                    @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                                    @PathVariable String uuidOrAlias) {
        return PermissionsWebModel.from(functions.get(actor, org, language, uuidOrAlias));
    }

    @Put("/{uuidOrAlias}/permissions")
    @Operation(summary = "Replace the editors and/or runners (author or admin); a list left out stays as it is")
    PermissionsWebModel grant(Actor actor, @PathVariable String org,
                              @Parameter(schema = @Schema(allowableValues = {"js", "python"})) @PathVariable String language,
                              @PathVariable String uuidOrAlias,
                              @Body PermissionsBody body) {
        return PermissionsWebModel.from(functions.grant(actor, org, language, uuidOrAlias, body.editors(), body.runners()));
    }

    private static CreateCommand command(FunctionBody body, String alias) {
        return new CreateCommand(alias, body.isEnabled(), body.loadDataset(), body.loadData(), body.execute(), body.engine(),
                body.outputType(), body.format(), body.domainParameters());
    }
}
