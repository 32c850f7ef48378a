package io.grapholap.rest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** Which requests maintenance mode refuses: creates only, by method and whole path. */
class MaintenanceFilterTest {

    @Test
    void createsAreRecognised() {
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/mappings")).isEqualTo("create a mapping");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/mappings/12/copy")).isEqualTo("copy a mapping");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/snapshots/")).isEqualTo("create a snapshot");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/snapshots/7/retry")).isEqualTo("retry a snapshot export");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/instances")).isEqualTo("create an instance");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/graph/social")).isEqualTo("upload to a dataset");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/v2/o/acme/functions/python")).isEqualTo("create a function");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/v2/o/acme/functions/js/ranker")).isEqualTo("create a function");
        assertThat(MaintenanceFilter.creates(HttpMethod.PUT, "/evaluator/v1/libraries/geo")).isEqualTo("create or replace a library");
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/endpoints")).isEqualTo("create an endpoint");
    }

    @Test
    void readsUpdatesDeletesAndOperatorRoutesPass() {
        assertThat(MaintenanceFilter.creates(HttpMethod.GET, "/api/mappings")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.PUT, "/api/mappings/3")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.DELETE, "/api/snapshots/3")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/auth/login")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.PUT, "/api/config/maintenance")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/ops/jobs/trigger")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.DELETE, "/api/admin/resources/bulk")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/instances/5/algo/pagerank")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/v2/o/acme/run/python/f1")).isNull();
        assertThat(MaintenanceFilter.creates(HttpMethod.POST, "/api/mappingsX")).isNull();
    }
}
