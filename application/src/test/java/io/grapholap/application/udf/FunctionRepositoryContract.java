package io.grapholap.application.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import io.grapholap.domain.udf.UserFunction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every FunctionRepository and OrganizationSettingsRepository must do: run against the
 * in-memory ones of the application tests and against the JDBC ones on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FunctionRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private FunctionRepository functions;
    private OrganizationSettingsRepository organizations;

    /** The two repositories under test, over one empty store. */
    public record Repositories(FunctionRepository functions, OrganizationSettingsRepository organizations) {
    }

    protected abstract Repositories open();

    /** Releases what {@link #open} took. */
    protected void close() {
    }

    @BeforeAll
    void start() {
        Repositories opened = open();
        functions = opened.functions();
        organizations = opened.organizations();
    }

    @AfterAll
    void stop() {
        close();
    }

    private static UserFunction function(String org, String alias, String author, Instant at) {
        return new UserFunction(UUID.randomUUID().toString(), alias, org, "python", author, true, "snapshot-1",
                "def task(args):\n    return {}", "def task(g, args):\n    return 1", new FunctionEngine("cpu"), OutputType.NODES,
                OutputFormat.CSV, List.of(new FunctionParameter("n", "int"), new FunctionParameter("v", "SET<VERTEX<person>>")),
                Set.of("bob"), Set.of("carol", "dave"), at, at);
    }

    @Test
    void storesEveryFieldAndFindsByUuidOrAlias() {
        UserFunction f = functions.create(function("acme", "ranker", "alice", T0), Set.of("graphlib"));
        assertThat(functions.find("acme", f.uuid())).contains(f);
        assertThat(functions.find("acme", f.uuid().toUpperCase())).contains(f);
        assertThat(functions.find("acme", "ranker")).contains(f);
        assertThat(functions.find("other", "ranker")).isEmpty();
        UserFunction stored = functions.find("acme", "ranker").orElseThrow();
        assertThat(stored.parameters()).containsExactly(new FunctionParameter("n", "INT"),
                new FunctionParameter("v", "SET<VERTEX<person>>"));
        assertThat(stored.runners()).containsExactly("carol", "dave");
        assertThat(stored.createdAt()).isEqualTo(T0);
    }

    @Test
    void aliasIsUniquePerOrganisationOnly() {
        functions.create(function("acme", "dup", "alice", T0), Set.of());
        assertThatThrownBy(() -> functions.create(function("acme", "dup", "bob", T0), Set.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("dup");
        functions.create(function("globex", "dup", "alice", T0), Set.of());
        functions.create(function("acme", null, "alice", T0), Set.of());
        functions.create(function("acme", null, "alice", T0), Set.of());
    }

    @Test
    void updatesAndDeletes() {
        UserFunction f = functions.create(function("upd", "u1", "alice", T0), Set.of());
        UserFunction changed = new UserFunction(f.uuid(), f.alias(), f.organization(), f.type(), f.author(), false, null, null,
                "def task(g, args):\n    return 2", new FunctionEngine("gpu"), OutputType.JSON, OutputFormat.JSON, List.of(),
                Set.of(), Set.of("zed"), f.createdAt(), T0.plusSeconds(5));
        assertThat(functions.update(changed, Set.of("lib2"))).isEqualTo(changed);
        assertThat(functions.find("upd", "u1")).contains(changed);
        assertThat(functions.importersOf("lib2", "upd", 10)).containsExactly("upd/u1");
        assertThat(functions.imports(f.uuid())).containsExactly("lib2");
        assertThat(functions.delete(f.uuid())).isTrue();
        assertThat(functions.delete(f.uuid())).isFalse();
        assertThat(functions.imports(f.uuid())).isEmpty();
        assertThatThrownBy(() -> functions.update(changed, Set.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsPerOrganisationLanguageAndEditorOldestFirst() {
        UserFunction a = functions.create(function("lst", "a", "alice", T0), Set.of());
        UserFunction b = functions.create(function("lst", "b", "erin", T0.plusSeconds(1)), Set.of());
        UserFunction js = functions.create(new UserFunction(UUID.randomUUID().toString(), "c", "lst", "js", "alice", true, null,
                null, "function task(g, args) { return 1; }", new FunctionEngine("cpu"), OutputType.JSON, OutputFormat.JSON, List.of(),
                Set.of(), Set.of(), T0, T0), Set.of());
        var all = functions.list("lst", "python", null, 0, 10);
        assertThat(all.items()).containsExactly(a, b);
        assertThat(all.total()).isEqualTo(2);
        assertThat(functions.list("lst", "python", null, 1, 1).items()).containsExactly(b);
        assertThat(functions.list("lst", "python", "alice", 0, 10).items()).containsExactly(a);
        assertThat(functions.list("lst", "python", "bob", 0, 10).items()).containsExactly(a, b);
        assertThat(functions.list("lst", "python", "carol", 0, 10).items()).isEmpty();
        assertThat(functions.list("lst", "js", null, 0, 10).items()).containsExactly(js);
    }

    @Test
    void namesImportersInOneOrEveryOrganisation() {
        functions.create(function("imp1", "x", "alice", T0), Set.of("shared_lib", "other"));
        UserFunction noAlias = functions.create(function("imp2", null, "alice", T0), Set.of("shared_lib"));
        functions.create(function("imp2", "y", "alice", T0), Set.of("sharedXlib"));
        assertThat(functions.importersOf("shared_lib", null, 10)).containsExactly("imp1/x", "imp2/" + noAlias.uuid());
        assertThat(functions.importersOf("shared_lib", "imp1", 10)).containsExactly("imp1/x");
        assertThat(functions.importersOf("shared", null, 10)).isEmpty();
    }

    @Test
    void organisationSettingsDefaultOnAndAreReplaced() {
        assertThat(organizations.find("fresh").udfCreationEnabled()).isTrue();
        assertThat(organizations.find("fresh").executionUsers()).isEmpty();
        OrganizationSettings off = new OrganizationSettings("fresh", false, Set.of("python"), List.of("ann", "bob"), T0, "admin");
        organizations.save(off);
        assertThat(organizations.find("fresh")).isEqualTo(off);
        organizations.save(new OrganizationSettings("fresh", true, Set.of(), List.of(), T0.plusSeconds(1), "root"));
        assertThat(organizations.find("fresh").udfCreationEnabled()).isTrue();
        assertThat(organizations.find("fresh").executionDisabledLanguages()).isEmpty();
        assertThat(organizations.find("fresh").executionUsers()).isEmpty();
        assertThat(organizations.find("fresh").updatedBy()).isEqualTo("root");
    }
}
