package io.grapholap.application.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.FunctionUseCases.CreateCommand;
import io.grapholap.application.udf.FunctionUseCases.UpdateCommand;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import io.grapholap.domain.udf.UserFunction;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionUseCasesTest {

    private static final String EXECUTE = "def task(g, args): # task/2\n    return 1";
    private static final Actor ALICE = new Actor("alice", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor BOB = new Actor("bob", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor CAROL = new Actor("carol", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor OUTSIDER = new Actor("otto", Set.of(Role.ANALYST), Set.of("globex"));
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());

    private final InMemoryFunctions store = new InMemoryFunctions();
    private final FunctionUseCases useCases = new FunctionUseCases(store, store, new CheckingRuntime(), new FunctionEngine("cpu"),
            Set.of("cpu", "gpu"), EnumSet.of(OutputFormat.JSON, OutputFormat.CSV), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC),
            new RunSlots(Executors.newCachedThreadPool(), RunSlots.Limits.fromCores(2)));
    private final OrganizationUseCases organizations = new OrganizationUseCases(store, Clock.systemUTC());

    private static CreateCommand create(String alias) {
        return new CreateCommand(alias, null, null, null, EXECUTE, null, null, null, null);
    }

    @Test
    void createsWithTheSeedDefaultsAndFindsByUuidOrAlias() {
        UserFunction f = useCases.create(ALICE, "acme", "python", create("ranker"));
        assertThat(f.author()).isEqualTo("alice");
        assertThat(f.organization()).isEqualTo("acme");
        assertThat(f.type()).isEqualTo("python");
        assertThat(f.enabled()).isFalse();
        assertThat(f.engine()).isEqualTo(new FunctionEngine("cpu"));
        assertThat(f.outputType()).isEqualTo(OutputType.JSON);
        assertThat(f.format()).isEqualTo(OutputFormat.JSON);
        assertThat(useCases.get(ALICE, "acme", "python", f.uuid())).isEqualTo(f);
        assertThat(useCases.get(ALICE, "acme", "python", "ranker")).isEqualTo(f);
        assertThatThrownBy(() -> useCases.get(ALICE, "acme", "js", "ranker")).isInstanceOf(NotFoundException.class);
        UserFunction anonymous = useCases.create(ALICE, "acme", "python", create(null));
        assertThat(anonymous.alias()).isNull();
        assertThat(anonymous.name()).isEqualTo(anonymous.uuid());
    }

    @Test
    void createAcceptsEveryFieldAndTheSeedEngineAliases() {
        UserFunction f = useCases.create(ALICE, "acme", "js", new CreateCommand("full", true, "snapshot-3",
                "import helpers\nfunction task(args) {} // task/1", EXECUTE + "\nimport graphlib", "cudf", "nodes", "csv",
                List.of(new FunctionParameter("n", "int"))));
        assertThat(f.engine()).isEqualTo(new FunctionEngine("cudf"));
        assertThat(f.engine().engineName()).isEqualTo("gpu");
        assertThat(f.loadDataset()).isEqualTo("snapshot-3");
        assertThat(f.outputType()).isEqualTo(OutputType.NODES);
        assertThat(f.format()).isEqualTo(OutputFormat.CSV);
        assertThat(f.parameters()).containsExactly(new FunctionParameter("n", "INT"));
        assertThat(store.imports.get(f.uuid())).containsExactlyInAnyOrder("graphlib", "helpers");
        assertThat(new FunctionLibraryImporters(store).importersOf("helpers", null)).containsExactly("acme/full");
        assertThat(useCases.update(ALICE, "acme", "js", "full", new UpdateCommand(null, null, null, null, "pandas", null, null, null))
                .engine()).isEqualTo(new FunctionEngine("pandas"));
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThatThrownBy(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null,
                "def task(g):\n    SYNTAX ERROR", null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("execute");
                    assertThat(e.getMessage()).contains("line 2");
                });
        assertThatThrownBy(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null,
                "def task(a, b): # task/2", EXECUTE, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("load_data"));
        assertField(() -> useCases.create(ALICE, "acme", "ruby", create(null)), "language");
        assertField(() -> useCases.create(ALICE, "acme", "python", create("1bad")), "alias");
        assertField(() -> useCases.create(ALICE, "acme", "python", create("0e1e2a3b-0000-4000-8000-000000000000")), "alias");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, null, null, null, null,
                null)), "execute");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, EXECUTE, "tpu", null,
                null, null)), "engine");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, EXECUTE, null, "graph",
                null, null)), "output_type");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, EXECUTE, null, null,
                "xml", null)), "format");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, EXECUTE, null, null,
                "parquet", null)), "format");
        assertField(() -> useCases.create(ALICE, "acme", "python", new CreateCommand(null, null, null, null, EXECUTE, null, null,
                null, List.of(new FunctionParameter("n", "INT"), new FunctionParameter("n", "INT")))), "parameters");
        assertField(() -> new FunctionParameter("n", "SET<WHATEVER>"), "parameters");
        assertField(() -> useCases.list(ALICE, "acme", "python", 0, 101), "limit");
        assertThat(new FunctionParameter("m", "map<string, list<vertex<Person>>>").type()).isEqualTo("MAP<STRING,LIST<VERTEX<Person>>>");
    }

    @Test
    void theEnginesAreTheOnesThisServerShips() {
        var cpuAndSpark = new FunctionUseCases(store, store, new CheckingRuntime(), new FunctionEngine("cpu"),
                Set.of("cpu", "spark"), EnumSet.of(OutputFormat.JSON), Clock.systemUTC(),
                new RunSlots(Executors.newCachedThreadPool(), RunSlots.Limits.fromCores(2)));

        assertThat(cpuAndSpark.create(ALICE, "acme", "python", new CreateCommand("on-spark", null, null, null, EXECUTE,
                "Spark", null, null, null)).engine()).isEqualTo(new FunctionEngine("spark"));
        assertThat(cpuAndSpark.create(ALICE, "acme", "python", new CreateCommand("anywhere", null, null, null, EXECUTE,
                "auto", null, null, null)).engine()).isEqualTo(FunctionEngine.AUTO);
        assertThatThrownBy(() -> cpuAndSpark.create(ALICE, "acme", "python", new CreateCommand("on-gpu", null, null, null,
                EXECUTE, "cudf", null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("engine"))
                .hasMessageContaining("cpu, spark, auto");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aliasIsUniqueInTheOrganisation() {
        useCases.create(ALICE, "acme", "python", create("same"));
        assertThatThrownBy(() -> useCases.create(BOB, "acme", "js", create("same"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void partialUpdateKeepsWhatIsNotSentAndClearsWithEmptyText() {
        UserFunction f = useCases.create(ALICE, "acme", "python", new CreateCommand("p", false, "snapshot-1", null, EXECUTE, "gpu",
                "json", "json", List.of(new FunctionParameter("n", "INT"))));
        UserFunction enabled = useCases.update(ALICE, "acme", "python", "p", new UpdateCommand(true, null, null, null, null, null,
                null, null));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.loadDataset()).isEqualTo("snapshot-1");
        assertThat(enabled.engine()).isEqualTo(new FunctionEngine("gpu"));
        assertThat(enabled.parameters()).hasSize(1);
        assertThat(enabled.createdAt()).isEqualTo(f.createdAt());
        UserFunction cleared = useCases.update(ALICE, "acme", "python", f.uuid(), new UpdateCommand(null, "", null, null, null,
                "table", "csv", List.of()));
        assertThat(cleared.loadDataset()).isNull();
        assertThat(cleared.outputType()).isEqualTo(OutputType.TABLE);
        assertThat(cleared.format()).isEqualTo(OutputFormat.CSV);
        assertThat(cleared.parameters()).isEmpty();
        assertThat(cleared.enabled()).isTrue();
    }

    @Test
    void authorGrantsEditorsAndRunners() {
        useCases.create(ALICE, "acme", "python", create("shared"));
        assertThatThrownBy(() -> useCases.get(BOB, "acme", "python", "shared")).isInstanceOf(PermissionDeniedException.class);
        assertThat(useCases.list(BOB, "acme", "python", 0, 10).items()).isEmpty();
        assertThat(useCases.list(ADMIN, "acme", "python", 0, 10).items()).hasSize(1);
        assertThatThrownBy(() -> useCases.grant(BOB, "acme", "python", "shared", Set.of("bob"), null))
                .isInstanceOf(PermissionDeniedException.class);

        UserFunction granted = useCases.grant(ALICE, "acme", "python", "shared", Set.of("bob"), Set.of("carol"));
        assertThat(granted.editors()).containsExactly("bob");
        assertThat(granted.runners()).containsExactly("carol");
        assertThat(useCases.get(BOB, "acme", "python", "shared")).isNotNull();
        assertThat(useCases.list(BOB, "acme", "python", 0, 10).items()).hasSize(1);
        useCases.update(BOB, "acme", "python", "shared", new UpdateCommand(true, null, null, null, null, null, null, null));
        assertThatThrownBy(() -> useCases.grant(BOB, "acme", "python", "shared", Set.of("bob", "carol"), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> useCases.get(CAROL, "acme", "python", "shared")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> useCases.delete(CAROL, "acme", "python", "shared")).isInstanceOf(PermissionDeniedException.class);
        assertThat(useCases.grant(ADMIN, "acme", "python", "shared", null, Set.of()).runners()).isEmpty();
        useCases.delete(BOB, "acme", "python", "shared");
        assertThatThrownBy(() -> useCases.get(ALICE, "acme", "python", "shared")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyMembersReachAnOrganisation() {
        useCases.create(ALICE, "acme", "python", create("mine"));
        assertThatThrownBy(() -> useCases.get(OUTSIDER, "acme", "python", "mine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> useCases.list(OUTSIDER, "acme", "python", 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> useCases.create(OUTSIDER, "acme", "python", create("theirs"))).isInstanceOf(NotFoundException.class);
        assertThat(useCases.get(ADMIN, "acme", "python", "mine").alias()).isEqualTo("mine");
    }

    @Test
    void adminsTurnUdfCreationOffPerOrganisation() {
        assertThat(organizations.get(ADMIN, "acme").udfCreationEnabled()).isTrue();
        assertThatThrownBy(() -> organizations.update(ALICE, "acme", false, null, null)).isInstanceOf(PermissionDeniedException.class);
        assertThat(organizations.update(ADMIN, "acme", false, null, null).udfCreationEnabled()).isFalse();
        assertThatThrownBy(() -> useCases.create(ALICE, "acme", "python", create("blocked")))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("udf_creation_enabled");
        assertThat(organizations.update(ADMIN, "acme", null, null, null).udfCreationEnabled()).isFalse();
        organizations.update(ADMIN, "acme", true, null, null);
        assertThat(useCases.create(ALICE, "acme", "python", create("allowed")).alias()).isEqualTo("allowed");
        assertThatThrownBy(() -> organizations.update(ADMIN, "Bad Org", true, null, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void adminsChooseWhoMayRunAnOrganisationsUdfs() {
        var set = organizations.update(ADMIN, "acme", null, List.of("Python", "python"), List.of("alice", "bob", "alice"));
        assertThat(set.executionDisabledLanguages()).containsExactly("python");
        assertThat(set.executionUsers()).containsExactly("alice", "bob");
        assertThat(set.executionRefusal("python", "alice")).contains("running python UDFs is turned off");
        assertThat(set.executionRefusal("js", "carol")).contains("udf_execution_users");
        assertThat(set.executionRefusal("js", "alice")).isNull();
        var kept = organizations.update(ADMIN, "acme", false, null, null);
        assertThat(kept.executionUsers()).containsExactly("alice", "bob");
        var cleared = organizations.update(ADMIN, "acme", null, List.of(), List.of());
        assertThat(cleared.executionRefusal("python", "carol")).isNull();
        assertThatThrownBy(() -> organizations.update(ADMIN, "acme", null, List.of("cobol"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("udf_execution_disabled_languages"));
        assertThatThrownBy(() -> organizations.update(ADMIN, "acme", null, null, List.of("Not A User")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("udf_execution_users"));
    }
}
