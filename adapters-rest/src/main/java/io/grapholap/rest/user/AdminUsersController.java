package io.grapholap.rest.user;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.application.user.CreateUser;
import io.grapholap.application.user.ListUsers;
import io.grapholap.application.user.UpdateUser;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Admins manage accounts: create, list, change roles, organisations, enabled flag or password. */
@Controller("/api/admin/users")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@PlatformErrors
final class AdminUsersController {

    private final CreateUser createUser;
    private final ListUsers listUsers;
    private final UpdateUser updateUser;

    AdminUsersController(CreateUser createUser, ListUsers listUsers, UpdateUser updateUser) {
        this.createUser = createUser;
        this.listUsers = listUsers;
        this.updateUser = updateUser;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a user (username, password, roles, organizations); 409 when the username is taken")
    DataEnvelope<UserWebModel> create(Actor actor, @Body CreateUserRequest body) {
        User user = createUser.create(actor, CreateUser.Command.of(body.username(), body.password(), body.roles(), body.organizations()));
        return DataEnvelope.of(UserWebModel.from(user));
    }

    @Get
    @Operation(summary = "List users ordered by username")
    ListEnvelope<UserWebModel> list(Actor actor, @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit,
                                    @Nullable @QueryValue("sort_order") String sortOrder) {
        PageRequest page = PageRequest.of(offset, limit, null, sortOrder == null ? "asc" : sortOrder, Set.of("username"), "username");
        return ListEnvelope.of(listUsers.list(actor, page), UserWebModel::from);
    }

    @Put("/{username}")
    @Operation(summary = "Change a user's roles, organizations, enabled flag or password; absent fields are kept")
    DataEnvelope<UserWebModel> update(Actor actor, @PathVariable String username, @Body UpdateUserRequest body) {
        User user = updateUser.update(actor, username,
                UpdateUser.Command.of(body.roles(), body.organizations(), body.enabled(), body.password()));
        return DataEnvelope.of(UserWebModel.from(user));
    }

    @Introspected
    record CreateUserRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String username,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password,
                             @Nullable List<String> roles, @Nullable List<String> organizations) {
    }

    @Introspected
    record UpdateUserRequest(@Nullable List<String> roles, @Nullable List<String> organizations,
                             @Nullable Boolean enabled, @Nullable String password) {
    }

    @Introspected
    record UserWebModel(String username, List<String> roles, List<String> organizations, boolean enabled,
                        Instant createdAt, Instant updatedAt) {
        static UserWebModel from(User u) {
            return new UserWebModel(u.username(), u.roles().stream().sorted().map(Role::wireName).toList(),
                    u.organizations().stream().sorted().toList(), u.enabled(), u.createdAt(), u.updatedAt());
        }
    }
}
