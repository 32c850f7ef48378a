package io.grapholap.application.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Custom endpoints over an in-memory repository and a UDF store that records what it was asked to run. */
class EndpointUseCasesTest {

    private static final Actor ANA = new Actor("ana", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor BO = new Actor("bo", Set.of(Role.ANALYST), Set.of("acme", "beta"));
    private static final Actor CY = new Actor("cy", Set.of(Role.ANALYST), Set.of("beta"));
    private static final Actor ADMIN = new Actor("root", Set.of(Role.ADMIN), Set.of());

    /** An in-memory EndpointRepository keeping (shape, method) unique. */
    static final class InMemoryEndpoints implements EndpointRepository {
        final List<CustomEndpoint> rows = new ArrayList<>();
        long next = 1;

        @Override
        public synchronized Optional<CustomEndpoint> create(CustomEndpoint e) {
            if (rows.stream().anyMatch(r -> r.route().shape().equals(e.route().shape()) && r.method() == e.method())) {
                return Optional.empty();
            }
            CustomEndpoint stored = e.withId(next++);
            rows.add(stored);
            return Optional.of(stored);
        }

        @Override
        public Optional<CustomEndpoint> find(long id) {
            return rows.stream().filter(r -> r.id() == id).findFirst();
        }

        @Override
        public List<CustomEndpoint> list(Collection<String> orgs, int offset, int limit) {
            return rows.stream().filter(r -> orgs == null || orgs.contains(r.organization())).skip(offset).limit(limit).toList();
        }

        @Override
        public long count(Collection<String> orgs) {
            return rows.stream().filter(r -> orgs == null || orgs.contains(r.organization())).count();
        }

        @Override
        public List<CustomEndpoint> withSegments(int segments, int limit) {
            return rows.stream().filter(r -> r.route().segments().size() == segments).limit(limit).toList();
        }

        @Override
        public boolean delete(long id) {
            return rows.removeIf(r -> r.id() == id);
        }
    }

    /** Functions by "org/alias" → uuid; a run returns what the function was given. */
    static final class RecordingFunctions implements EndpointFunctions {
        final Map<String, String> uuids = new LinkedHashMap<>();

        @Override
        public String resolve(Actor actor, String organization, String uuidOrAlias) {
            String uuid = uuids.get(organization + "/" + uuidOrAlias);
            if (uuid == null) {
                throw new NotFoundException("function", uuidOrAlias);
            }
            return uuid;
        }

        @Override
        public Object run(Actor actor, String organization, String function, Map<String, Object> request, Map<String, Object> user,
                          Duration timeout) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("function", function);
            out.put("request", request);
            out.put("user", user);
            return out;
        }
    }

    private final InMemoryEndpoints repository = new InMemoryEndpoints();
    private final RecordingFunctions functions = new RecordingFunctions();
    private final CreateEndpoint create = new CreateEndpoint(repository, functions,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final ServeEndpoint serve = new ServeEndpoint(repository, functions);

    {
        functions.uuids.put("acme/count", "u-count");
        functions.uuids.put("acme/rows", "u-rows");
        functions.uuids.put("acme/special", "u-special");
        functions.uuids.put("beta/count", "u-beta-count");
    }

    private CustomEndpoint publish(Actor actor, String route, String method, String function, String org) {
        return create.create(actor, new CreateEndpoint.Command(route, method, function, org));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> served(ServeEndpoint.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ServeEndpoint.Served.class);
        return (Map<String, Object>) ((ServeEndpoint.Served) outcome).value();
    }

    @Test
    void theFunctionIsResolvedInTheCallersOnlyOrganisation() {
        CustomEndpoint e = publish(ANA, "tables/{table_name}/count", null, "count", null);
        assertThat(e.organization()).isEqualTo("acme");
        assertThat(e.function()).isEqualTo("u-count");
        assertThat(e.method().name()).isEqualTo("GET");
        assertThat(e.owner()).isEqualTo("ana");
    }

    @Test
    void anOrganisationMustBeNamedWhenTheCallerHasSeveralAndBeTheirs() {
        assertThatThrownBy(() -> publish(BO, "x", "GET", "count", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("organization"));
        assertThat(publish(BO, "x", "GET", "count", "beta").function()).isEqualTo("u-beta-count");
        assertThatThrownBy(() -> publish(CY, "y", "GET", "count", "acme")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> publish(ADMIN, "z", "GET", "count", null)).isInstanceOf(ValidationException.class);
        assertThat(publish(ADMIN, "z", "GET", "count", "acme").organization()).isEqualTo("acme");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> publish(ANA, "a b", "GET", "count", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("route"));
        assertThatThrownBy(() -> publish(ANA, "a", "TRACE", "count", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("method"));
        assertThatThrownBy(() -> publish(ANA, "a", "GET", " ", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("function"));
        assertThatThrownBy(() -> publish(ANA, "a", "GET", "missing", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRouteShapeAndMethodAreTakenOnce() {
        publish(ANA, "t/{a}", "GET", "count", null);
        assertThatThrownBy(() -> publish(ANA, "t/{b}", "get", "rows", null)).isInstanceOf(ConflictException.class);
        assertThat(publish(ANA, "t/{a}", "POST", "rows", null).id()).isNotNull();
    }

    @Test
    void theRequestAndUserReachTheFunction() {
        publish(ANA, "tables/{table_name}/rows", "POST", "rows", null);
        Map<String, Object> out = served(serve.serve(BO, new ServeEndpoint.Call("POST", List.of("tables", "Quantity", "rows"),
                Map.of("a", List.of("1"), "b", List.of("2", "3")), List.of(List.of(2021, 5)))));
        assertThat(out.get("function")).isEqualTo("u-rows");
        Map<?, ?> request = (Map<?, ?>) out.get("request");
        assertThat(request.get("method")).isEqualTo("POST");
        assertThat(request.get("path")).isEqualTo("tables/Quantity/rows");
        assertThat(request.get("path_parameters")).isEqualTo(Map.of("table_name", "Quantity"));
        assertThat(request.get("query_parameters")).isEqualTo(Map.of("a", "1", "b", List.of("2", "3")));
        assertThat(request.get("body")).isEqualTo(List.of(List.of(2021, 5)));
        assertThat(out.get("user")).isEqualTo(Map.of("name", "bo", "roles", List.of("analyst"), "organizations", List.of("acme", "beta")));
    }

    @Test
    void getRequestsCarryNoBody() {
        publish(ANA, "tables/{t}/count", "GET", "count", null);
        Map<?, ?> request = (Map<?, ?>) served(serve.serve(ANA, new ServeEndpoint.Call("GET", List.of("tables", "q", "count"), Map.of(),
                Map.of("ignored", true)))).get("request");
        assertThat(request.get("body")).isNull();
    }

    @Test
    void literalSegmentsBeatParametersAndMethodsAreMatchedFirst() {
        publish(ANA, "items/{id}", "GET", "count", null);
        publish(ANA, "items/special", "GET", "special", null);
        publish(ANA, "{kind}/special", "PUT", "rows", null);
        assertThat(served(serve.serve(ANA, new ServeEndpoint.Call("GET", List.of("items", "special"), Map.of(), null))).get("function"))
                .isEqualTo("u-special");
        assertThat(served(serve.serve(ANA, new ServeEndpoint.Call("GET", List.of("items", "7"), Map.of(), null))).get("function"))
                .isEqualTo("u-count");
        assertThat(served(serve.serve(ANA, new ServeEndpoint.Call("PUT", List.of("items", "special"), Map.of(), null))).get("function"))
                .isEqualTo("u-rows");
    }

    @Test
    void noRouteAndWrongMethodAreTold() {
        publish(ANA, "items/{id}", "GET", "count", null);
        publish(ANA, "items/{id}", "DELETE", "rows", null);
        assertThat(serve.serve(ANA, new ServeEndpoint.Call("GET", List.of("nothing"), Map.of(), null))).isInstanceOf(ServeEndpoint.NoRoute.class);
        assertThat(serve.serve(ANA, new ServeEndpoint.Call("GET", List.of(), Map.of(), null))).isInstanceOf(ServeEndpoint.NoRoute.class);
        assertThat(serve.serve(ANA, new ServeEndpoint.Call("POST", List.of("items", "1"), Map.of(), null)))
                .isEqualTo(new ServeEndpoint.WrongMethod(List.of("DELETE", "GET")));
        assertThat(serve.serve(ANA, new ServeEndpoint.Call("OPTIONS", List.of("items", "1"), Map.of(), null)))
                .isEqualTo(new ServeEndpoint.WrongMethod(List.of("DELETE", "GET")));
    }

    @Test
    void endpointsAreReadByTheirOrganisationsAndDeletedByOwnersOrAdmins() {
        CustomEndpoint acme = publish(ANA, "r/one", "GET", "count", null);
        CustomEndpoint beta = publish(CY, "r/two", "GET", "count", null);
        ReadEndpoints read = new ReadEndpoints(repository);
        assertThat(read.list(ANA, 0, 10).items()).containsExactly(acme);
        assertThat(read.list(BO, 0, 10).total()).isEqualTo(2);
        assertThat(read.list(ADMIN, 0, 10).items()).containsExactly(acme, beta);
        assertThat(read.get(BO, beta.id())).isEqualTo(beta);
        assertThatThrownBy(() -> read.get(ANA, beta.id())).isInstanceOf(NotFoundException.class);

        DeleteEndpoint delete = new DeleteEndpoint(repository);
        assertThatThrownBy(() -> delete.delete(BO, acme.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> delete.delete(CY, acme.id())).isInstanceOf(NotFoundException.class);
        delete.delete(ANA, acme.id());
        delete.delete(ADMIN, beta.id());
        assertThat(repository.rows).isEmpty();
        assertThatThrownBy(() -> delete.delete(ADMIN, beta.id())).isInstanceOf(NotFoundException.class);
    }
}
