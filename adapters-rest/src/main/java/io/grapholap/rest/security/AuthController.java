package io.grapholap.rest.security;

import io.grapholap.application.security.Actor;
import io.grapholap.application.security.CreateApiKey;
import io.grapholap.application.security.ListApiKeys;
import io.grapholap.application.security.RevokeApiKey;
import io.grapholap.application.user.GetCurrentUser;
import io.grapholap.domain.user.ApiKey;
import io.grapholap.domain.user.Role;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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
import java.util.Set;

/** The caller's own account and API keys. Login itself is Micronaut Security's endpoint. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@PlatformErrors
final class AuthController {

    private final GetCurrentUser getCurrentUser;
    private final CreateApiKey createApiKey;
    private final ListApiKeys listApiKeys;
    private final RevokeApiKey revokeApiKey;

    AuthController(GetCurrentUser getCurrentUser, CreateApiKey createApiKey, ListApiKeys listApiKeys, RevokeApiKey revokeApiKey) {
        this.getCurrentUser = getCurrentUser;
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
    }

    @Get("/me")
    @Operation(summary = "The caller: username, roles, organisations")
    DataEnvelope<MeWebModel> me(Actor actor) {
        GetCurrentUser.Me me = getCurrentUser.me(actor);
        return DataEnvelope.of(me.account()
                .map(u -> new MeWebModel(u.username(), wire(u.roles()), sorted(u.organizations()), u.enabled(), u.createdAt()))
                .orElseGet(() -> new MeWebModel(actor.username(), wire(actor.roles()), sorted(actor.organizations()), true, null)));
    }

    @Post("/api-keys")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create an API key for the caller; the key is in this answer only")
    DataEnvelope<CreatedApiKeyWebModel> createKey(Actor actor, @Body CreateApiKeyRequest body) {
        CreateApiKey.Created created = createApiKey.create(actor, new CreateApiKey.Command(body.name()));
        ApiKey k = created.key();
        return DataEnvelope.of(new CreatedApiKeyWebModel(k.id(), k.name(), k.prefix(), created.secret(), k.createdAt()));
    }

    @Get("/api-keys")
    @Operation(summary = "The caller's API keys (never the keys themselves)")
    ListEnvelope<ApiKeyWebModel> listKeys(Actor actor) {
        return ListEnvelope.all(listApiKeys.list(actor).stream().map(ApiKeyWebModel::from).toList());
    }

    @Delete("/api-keys/{id}")
    @Operation(summary = "Revoke one of the caller's API keys (admins: anyone's)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> revokeKey(Actor actor, @PathVariable String id) {
        revokeApiKey.revoke(actor, id);
        return HttpResponse.noContent();
    }

    private static List<String> wire(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    @Introspected
    record CreateApiKeyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name) {
    }

    @Introspected
    record MeWebModel(String username, List<String> roles, List<String> organizations, boolean enabled, Instant createdAt) {
    }

    @Introspected
    record CreatedApiKeyWebModel(String id, String name, String prefix, String key, Instant createdAt) {
    }

    @Introspected
    record ApiKeyWebModel(String id, String name, String prefix, Instant createdAt, Instant revokedAt, boolean revoked) {
        static ApiKeyWebModel from(ApiKey k) {
            return new ApiKeyWebModel(k.id(), k.name(), k.prefix(), k.createdAt(), k.revokedAt(), k.revoked());
        }
    }
}
