package io.grapholap.rest.ops;

import io.grapholap.application.admin.BulkDelete;
import io.grapholap.application.common.QueryValues;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The AdminResource bulk delete (admin role): DELETE with a JSON body, as the Python SDK sends it. */
@Controller("/api/admin/resources/bulk")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@PlatformErrors
final class BulkDeleteController {

    private final BulkDelete bulk;

    BulkDeleteController(BulkDelete bulk) {
        this.bulk = bulk;
    }

    @Delete
    @Operation(summary = "Delete up to 100 resources of one resource_type matching filters (owner/created_by, name_prefix,"
            + " created_before/older_than_hours, status; at least one); reason required; dry_run; expected_count must match (409)")
    DataEnvelope<ResultWebModel> delete(Actor actor, @Body BulkDeleteBody body) {
        FiltersBody f = body.filters() == null ? new FiltersBody(null, null, null, null, null, null) : body.filters();
        String owner = f.owner();
        if (f.createdBy() != null) {
            if (owner != null && !owner.equals(f.createdBy())) {
                throw new ValidationException("filters.created_by", "owner and created_by differ; give one");
            }
            owner = f.createdBy();
        }
        var request = new BulkDelete.Request(body.resourceType(), owner, f.namePrefix(),
                QueryValues.instant("filters.created_before", f.createdBefore()), f.olderThanHours(), f.status(),
                body.reason(), body.expectedCount(), body.dryRun() != null && body.dryRun());
        return DataEnvelope.of(ResultWebModel.from(bulk.delete(actor, request)));
    }

    @Introspected
    record ItemErrorWebModel(long id, String code, String message) {
    }

    @Introspected
    record ResultWebModel(boolean dryRun, int matchedCount, List<Long> matchedIds, int deletedCount, List<Long> deletedIds,
                          List<Long> failedIds, List<ItemErrorWebModel> errors) {
        static ResultWebModel from(BulkDelete.Result r) {
            return new ResultWebModel(r.dryRun(), r.matchedCount(), r.matchedIds(), r.deletedCount(), r.deletedIds(), r.failedIds(),
                    r.errors().stream().map(e -> new ItemErrorWebModel(e.id(), e.code(), e.message())).toList());
        }
    }

    @Introspected
    record FiltersBody(@Nullable String owner, @Nullable String createdBy, @Nullable String namePrefix,
                       @Nullable String createdBefore, @Nullable Integer olderThanHours, @Nullable String status) {
    }

    @Introspected
    record BulkDeleteBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"instance", "mapping", "snapshot"})
                          @Nullable String resourceType,
                          @Nullable FiltersBody filters,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String reason,
                          @Nullable Integer expectedCount, @Nullable Boolean dryRun) {
    }
}
