package io.grapholap.application.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.endpoint.EndpointMethod;
import io.grapholap.domain.endpoint.RouteTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every EndpointRepository must do: run against the in-memory one of the application tests and
 * against the JDBC one on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndpointRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private EndpointRepository repository;

    /** The repository under test, over an empty store. */
    protected abstract EndpointRepository open();

    /** Releases what {@link #open} took. */
    protected void close() {
    }

    @BeforeAll
    void start() {
        repository = open();
    }

    @AfterAll
    void stop() {
        close();
    }

    private static CustomEndpoint endpoint(String route, EndpointMethod method, String org) {
        return new CustomEndpoint(null, RouteTemplate.parse(route), method, org, "uuid-" + route.hashCode(), "ana", T0);
    }

    @Test
    void createdEndpointsGetAnIdAndReadBackWhole() {
        CustomEndpoint created = repository.create(endpoint("roundtrip/{table_name}/count", EndpointMethod.GET, "acme")).orElseThrow();
        assertThat(created.id()).isNotNull();
        assertThat(repository.find(created.id())).contains(created);
        assertThat(repository.find(created.id()).orElseThrow().route().segments()).hasSize(3);
    }

    @Test
    void aRouteShapeAndMethodAreTakenOnce() {
        assertThat(repository.create(endpoint("dup/{a}", EndpointMethod.GET, "acme"))).isPresent();
        assertThat(repository.create(endpoint("dup/{b}", EndpointMethod.GET, "beta"))).as("same shape").isEmpty();
        assertThat(repository.create(endpoint("dup/{a}", EndpointMethod.POST, "acme"))).as("other method").isPresent();
        assertThat(repository.create(endpoint("dup/x", EndpointMethod.GET, "acme"))).as("literal is another shape").isPresent();
    }

    @Test
    void endpointsAreListedByOrganisationAndSegmentCount() {
        CustomEndpoint a = repository.create(endpoint("lst/one", EndpointMethod.GET, "lsta")).orElseThrow();
        CustomEndpoint b = repository.create(endpoint("lst/two", EndpointMethod.GET, "lstb")).orElseThrow();
        CustomEndpoint c = repository.create(endpoint("lst/three/{x}", EndpointMethod.GET, "lsta")).orElseThrow();
        assertThat(repository.list(Set.of("lsta"), 0, 10)).containsExactly(a, c);
        assertThat(repository.list(Set.of("lsta"), 1, 10)).containsExactly(c);
        assertThat(repository.count(Set.of("lsta", "lstb"))).isEqualTo(3);
        assertThat(repository.list(Set.of(), 0, 10)).isEmpty();
        assertThat(repository.count(Set.of())).isZero();
        assertThat(repository.list(null, 0, 100)).contains(a, b, c);
        assertThat(repository.count(null)).isGreaterThanOrEqualTo(3);
        List<CustomEndpoint> three = repository.withSegments(3, 100);
        assertThat(three).contains(c).doesNotContain(a, b);
        assertThat(repository.withSegments(3, 1)).hasSize(1);
    }

    @Test
    void deleteReportsWhetherThereWasOne() {
        CustomEndpoint e = repository.create(endpoint("gone/{x}", EndpointMethod.DELETE, "acme")).orElseThrow();
        assertThat(repository.delete(e.id())).isTrue();
        assertThat(repository.delete(e.id())).isFalse();
        assertThat(repository.find(e.id())).isEmpty();
    }
}
