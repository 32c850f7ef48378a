package io.grapholap.persistence.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingQuery;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.mapping.MappingRepository.NewMapping;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import io.grapholap.persistence.MetadataDatabases;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every MappingRepository must do, run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MappingRepositoryContractTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final MappingDefinition DEFINITION = new MappingDefinition(
            List.of(new NodeDefinition("Person", "SELECT id, name FROM people", new PropertyDefinition("id", PropertyType.INT64),
                    List.of(new PropertyDefinition("name", PropertyType.STRING))),
                    new NodeDefinition("City", "SELECT id FROM cities", new PropertyDefinition("id", PropertyType.INT32), List.of())),
            List.of(new EdgeDefinition("LIVES_IN", "Person", "City", "SELECT p, c, since FROM lives", "p", "c",
                    List.of(new PropertyDefinition("since", PropertyType.DATE)))));

    private MetadataDatabases.Running database;
    private MappingRepository repository;

    abstract MetadataDatabases database();

    @BeforeAll
    void start() {
        database = database().start();
        repository = database.bean(JdbcMappingRepository.class);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    private Mapping create(String name, String owner, Instant at) {
        return repository.create(new NewMapping(name, "about " + name, owner, Lifecycle.NONE, DEFINITION, "Initial version", at));
    }

    private static PageRequest page(String sortBy, String order) {
        return PageRequest.of(0, 100, sortBy, order, MappingQuery.SORTABLE, MappingQuery.DEFAULT_SORT);
    }

    @Test
    void aCreatedMappingReadsBackWithItsDefinitionAndLifecycle() {
        Mapping created = repository.create(new NewMapping("roundtrip", "d", "ana",
                new Lifecycle(Duration.ofDays(7), null), DEFINITION, "Initial version", T0));
        assertThat(created.id().value()).isPositive();
        assertThat(created.currentVersion()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(repository.find(created.id())).contains(created);
        assertThat(created.definition()).isEqualTo(DEFINITION);
        assertThat(created.lifecycle().ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(repository.versions(created.id())).singleElement()
                .satisfies(v -> assertThat(v.changeDescription()).isEqualTo("Initial version"));
    }

    @Test
    void versionsAreAddedInOrderAndTheHeaderFollows() {
        Mapping m = create("versioned", "ana", T0);
        MappingDefinition smaller = new MappingDefinition(List.of(DEFINITION.nodes().getFirst()), List.of());
        Mapping v2 = repository.addVersion(m.id(), 1, "versioned 2", "new text", smaller, "drop City", "bo", T0.plusSeconds(5));
        assertThat(v2.currentVersion()).isEqualTo(2);
        assertThat(v2.name()).isEqualTo("versioned 2");
        assertThat(v2.definition()).isEqualTo(smaller);
        assertThat(v2.updatedAt()).isAfter(v2.createdAt());
        assertThat(repository.versions(m.id())).extracting(v -> v.version() + ":" + v.createdBy()).containsExactly("1:ana", "2:bo");
        assertThat(repository.version(m.id(), 1).orElseThrow().definition()).isEqualTo(DEFINITION);
        assertThat(repository.version(m.id(), 3)).isEmpty();
    }

    @Test
    void aStaleVersionIsAConflict() {
        Mapping m = create("contended", "ana", T0);
        repository.addVersion(m.id(), 1, m.name(), m.description(), DEFINITION, "first", "ana", T0);
        assertThatThrownBy(() -> repository.addVersion(m.id(), 1, m.name(), m.description(), DEFINITION, "second", "bo", T0))
                .isInstanceOf(ConflictException.class);
        assertThat(repository.versions(m.id())).hasSize(2);
    }

    @Test
    void aVersionThatCannotBeWrittenLeavesTheMappingAsItWas() {
        Mapping m = create("atomic", "ana", T0);
        // change_description holds at most 4000 characters: the version row fails after the header moved.
        String tooLong = "x".repeat(4001);
        assertThatThrownBy(() -> repository.addVersion(m.id(), 1, "renamed", "d", DEFINITION, tooLong, "bo", T0.plusSeconds(1)))
                .isInstanceOf(RuntimeException.class);
        Mapping after = repository.find(m.id()).orElseThrow();
        assertThat(after.currentVersion()).isEqualTo(1);
        assertThat(after.name()).isEqualTo("atomic");
        assertThat(repository.versions(m.id())).hasSize(1);
        assertThat(repository.addVersion(m.id(), 1, "renamed", "d", DEFINITION, "fits", "bo", T0.plusSeconds(2)).currentVersion()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVersionWrittenByAnotherServerIsReadFromTheStore() {
        // Another server sharing the store moves the header to a version this one has never seen:
        // the next read returns it (definitions are cached per version, the header never).
        Mapping m = create("shared", "ana", T0);
        MappingDefinition theirs = new MappingDefinition(List.of(DEFINITION.nodes().getLast()), List.of());
        JdbcOperations jdbc = database.bean(JdbcOperations.class);
        TransactionOperations<Connection> transactions = database.bean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            jdbc.prepareStatement("INSERT INTO mapping_versions (mapping_id, version, node_definitions, edge_definitions,"
                    + " change_description, created_by, created_at) VALUES (?, 2, ?, ?, 'elsewhere', 'bo', ?)", ps -> {
                ps.setLong(1, m.id().value());
                ps.setString(2, DefinitionJson.nodes(theirs.nodes()));
                ps.setString(3, DefinitionJson.edges(theirs.edges()));
                ps.setObject(4, OffsetDateTime.ofInstant(T0.plusSeconds(1), ZoneOffset.UTC));
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("UPDATE mappings SET current_version = 2, name = 'shared 2' WHERE id = ?", ps -> {
                ps.setLong(1, m.id().value());
                return ps.executeUpdate();
            });
        });
        Mapping read = repository.find(m.id()).orElseThrow();
        assertThat(read.currentVersion()).isEqualTo(2);
        assertThat(read.name()).isEqualTo("shared 2");
        assertThat(read.definition()).isEqualTo(theirs);
        assertThat(read.createdAt()).isEqualTo(m.createdAt());
        assertThat(repository.find(m.id())).contains(read);
    }

    @Test
    void lifecycleIsReplaced() {
        Mapping m = create("lifecycle", "ana", T0);
        Mapping updated = repository.setLifecycle(m.id(), new Lifecycle(null, Duration.ofMinutes(30)), T0.plusSeconds(1));
        assertThat(updated.lifecycle()).isEqualTo(new Lifecycle(null, Duration.ofMinutes(30)));
        assertThat(updated.currentVersion()).isEqualTo(1);
    }

    @Test
    void deleteRemovesEverything() {
        Mapping m = create("gone", "ana", T0);
        assertThat(repository.delete(m.id())).isTrue();
        assertThat(repository.find(m.id())).isEmpty();
        assertThat(repository.versions(m.id())).isEmpty();
        assertThat(repository.delete(m.id())).isFalse();
        assertThat(repository.find(new MappingId(987_654))).isEmpty();
    }

    @Test
    void listFiltersSortsAndPagesInTheStore() {
        String owner = "lister-" + System.nanoTime();
        create("Zeta graph", owner, T0.plusSeconds(10));
        create("alpha_graph", owner, T0.plusSeconds(20));
        create("Mid 100% graph", owner, T0.plusSeconds(30));
        MappingQuery mine = new MappingQuery(owner, null, null, null);

        assertThat(names(repository.list(mine, page("name", "asc")))).containsExactly("alpha_graph", "Mid 100% graph", "Zeta graph");
        assertThat(names(repository.list(mine, page("created_at", "desc")))).containsExactly("Mid 100% graph", "alpha_graph", "Zeta graph");
        Page<Mapping> second = repository.list(mine, PageRequest.of(1, 1, "name", "asc", MappingQuery.SORTABLE, "created_at"));
        assertThat(names(second)).containsExactly("Mid 100% graph");
        assertThat(second.total()).isEqualTo(3);
        // LIKE wildcards in the search text are taken literally.
        assertThat(names(repository.list(new MappingQuery(owner, "100%", null, null), page("name", "asc")))).containsExactly("Mid 100% graph");
        assertThat(names(repository.list(new MappingQuery(owner, "A_G", null, null), page("name", "asc")))).containsExactly("alpha_graph");
        assertThat(names(repository.list(new MappingQuery(owner, "about zeta", null, null), page("name", "asc")))).containsExactly("Zeta graph");
        assertThat(names(repository.list(new MappingQuery(owner, null, Instant.parse("2026-03-01T10:00:20Z"), Instant.parse("2026-03-01T10:00:30Z")), page("name", "asc"))))
                .containsExactly("alpha_graph");
        assertThat(repository.list(new MappingQuery("nobody", null, null, null), page("name", "asc")).total()).isZero();
        Set<String> sortable = MappingQuery.SORTABLE;
        assertThat(sortable).contains("current_version");
        assertThat(repository.list(mine, page("current_version", "asc")).items()).hasSize(3);
    }

    private static List<String> names(Page<Mapping> page) {
        return page.items().stream().map(Mapping::name).toList();
    }

    static final class OnH2 extends MappingRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends MappingRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
