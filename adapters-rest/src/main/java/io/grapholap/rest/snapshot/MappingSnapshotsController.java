package io.grapholap.rest.snapshot;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.snapshot.ListMappingSnapshots;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.rest.snapshot.SnapshotWebModels.SnapshotWebModel;
import io.grapholap.rest.web.ListEnvelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/mappings/{id}/snapshots}: a mapping's snapshots as the snapshot objects of {@code /api/snapshots}. */
@Controller("/api/mappings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "mappings")
final class MappingSnapshotsController {

    private final ListMappingSnapshots snapshots;

    MappingSnapshotsController(ListMappingSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Get("/{id}/snapshots")
    @Operation(summary = "List the snapshots made from any version of a mapping (whole snapshot objects), newest first; limit at most 100")
    ListEnvelope<SnapshotWebModel> list(@PathVariable long id, @Nullable @QueryValue Integer offset,
                                        @Nullable @QueryValue Integer limit) {
        if (id <= 0) {
            throw new NotFoundException("mapping", id);
        }
        return ListEnvelope.of(snapshots.list(new MappingId(id), offset == null ? 0 : offset,
                limit == null ? PageRequest.DEFAULT_LIMIT : limit), SnapshotWebModel::from);
    }
}
