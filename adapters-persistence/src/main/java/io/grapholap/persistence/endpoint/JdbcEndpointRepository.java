package io.grapholap.persistence.endpoint;

import io.grapholap.application.endpoint.EndpointRepository;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.endpoint.EndpointMethod;
import io.grapholap.domain.endpoint.RouteTemplate;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Custom endpoints in the metadata database; the unique (shape, method) constraint refuses a second route of one shape. */
@Singleton
final class JdbcEndpointRepository implements EndpointRepository {

    private final EndpointRows rows;

    JdbcEndpointRepository(EndpointRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<CustomEndpoint> create(CustomEndpoint e) {
        try {
            EndpointRow saved = rows.save(new EndpointRow(null, e.route().route(), e.route().shape(), e.route().segments().size(),
                    e.method().name(), e.organization(), e.function(), e.owner(), e.createdAt()));
            return Optional.of(e.withId(saved.id()));
        } catch (DataAccessException ex) {
            if (UniqueViolation.causes(ex)) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    @Override
    public Optional<CustomEndpoint> find(long id) {
        return rows.findById(id).map(JdbcEndpointRepository::toEndpoint);
    }

    @Override
    public List<CustomEndpoint> list(Collection<String> organizations, int offset, int limit) {
        if (organizations != null && organizations.isEmpty()) {
            return List.of();
        }
        List<EndpointRow> found = organizations == null ? rows.page(offset, limit) : rows.pageOf(organizations, offset, limit);
        return found.stream().map(JdbcEndpointRepository::toEndpoint).toList();
    }

    @Override
    public long count(Collection<String> organizations) {
        if (organizations == null) {
            return rows.count();
        }
        return organizations.isEmpty() ? 0 : rows.countOf(organizations);
    }

    @Override
    public List<CustomEndpoint> withSegments(int segments, int limit) {
        return rows.withSegments(segments, limit).stream().map(JdbcEndpointRepository::toEndpoint).toList();
    }

    @Override
    public boolean delete(long id) {
        return rows.remove(id) == 1;
    }

    private static CustomEndpoint toEndpoint(EndpointRow row) {
        return new CustomEndpoint(row.id(), RouteTemplate.parse(row.route()), EndpointMethod.parse(row.method()), row.organization(),
                row.functionId(), row.owner(), row.createdAt());
    }
}
