package io.grapholap.application.restpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The REST++ query use case over a UDF store that answers what it was asked to run. */
class RunQueryTest {

    private static final Actor ANA = new Actor("ana", Set.of(Role.ANALYST), Set.of("acme", "beta"));

    private final Map<String, QueryFunctions.QueryFunction> functions = new LinkedHashMap<>();
    private final QueryFunctions store = new QueryFunctions() {
        @Override
        public QueryFunction find(Actor actor, String organization, String uuidOrAlias) {
            if (uuidOrAlias.equals("secret") && organization.equals("beta")) {
                throw new PermissionDeniedException("not a runner");
            }
            QueryFunction f = functions.get(organization + "/" + uuidOrAlias);
            if (f == null) {
                throw new NotFoundException("function", uuidOrAlias);
            }
            return f;
        }

        @Override
        public Object run(Actor actor, QueryFunction function, String dataset, Map<String, Object> executeArgs, Duration timeout) {
            return Map.of("uuid", function.uuid(), "dataset", dataset, "args", executeArgs, "timeout", String.valueOf(timeout));
        }
    };
    private final RunQuery runQuery = new RunQuery(store);

    {
        functions.put("acme/top", new QueryFunctions.QueryFunction("acme", "u1", "js",
                List.of(new DeclaredParameter("k", "INT"), new DeclaredParameter("seeds", "SET<VERTEX<person>>"))));
        functions.put("acme/dup", new QueryFunctions.QueryFunction("acme", "u2", "js", List.of()));
        functions.put("beta/dup", new QueryFunctions.QueryFunction("beta", "u3", "js", List.of()));
    }

    @Test
    void argumentsAreConvertedByTheDeclaredTypes() {
        Object out = runQuery.run(ANA, new RunQuery.Call("ds1", "top", Map.of("k", List.of("3"), "seeds", List.of("p1", "p2"),
                "extra", List.of("x")), Map.of("weights", List.of(1, 2)), Duration.ofMillis(500)));
        assertThat(out).isEqualTo(Map.of("uuid", "u1", "dataset", "ds1", "timeout", "PT0.5S", "args", Map.of("k", 3L,
                "seeds", List.of(Map.of("id", "p1", "type", "person"), Map.of("id", "p2", "type", "person")),
                "extra", "x", "weights", List.of(1, 2))));
    }

    @Test
    void withoutGsqlTimeoutARunGetsTigerGraphsSixteenSeconds() {
        Object out = runQuery.run(ANA, new RunQuery.Call("ds1", "top", Map.of(), null, null));
        assertThat(out).isInstanceOfSatisfying(Map.class, m -> assertThat(m.get("timeout")).isEqualTo("PT16S"));
    }

    @Test
    void aValueThatDoesNotConvertNamesTheParameter() {
        assertThatThrownBy(() -> runQuery.run(ANA, new RunQuery.Call("ds1", "top", Map.of("k", List.of("three")), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("k"));
    }

    @Test
    void functionsAreFoundAmongTheCallersOrganisations() {
        assertThatThrownBy(() -> runQuery.run(ANA, new RunQuery.Call("ds1", "dup", Map.of(), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("function"));
        assertThatThrownBy(() -> runQuery.run(ANA, new RunQuery.Call("ds1", "none", Map.of(), null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runQuery.run(ANA, new RunQuery.Call("ds1", "secret", Map.of(), null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        Actor outsider = new Actor("zed", Set.of(Role.ANALYST), Set.of());
        assertThatThrownBy(() -> runQuery.run(outsider, new RunQuery.Call("ds1", "top", Map.of(), null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runQuery.run(ANA, new RunQuery.Call(" ", "top", Map.of(), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dataset"));
    }
}
