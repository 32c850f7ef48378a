package io.grapholap.application.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.function.Language;
import io.grapholap.application.function.LibraryImporters;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Library use cases and the LibrarySource over an in-memory repository and a fake UDF store. */
class LibraryUseCasesTest {

    private static final Actor ADMIN = new Actor("root", Set.of(Role.ADMIN), Set.of());
    private static final Actor ANA = new Actor("ana", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor CY = new Actor("cy", Set.of(Role.ANALYST), Set.of("beta"));
    private static final LibraryNamespace ACME = new LibraryNamespace("acme", "geo");

    /** An in-memory LibraryRepository. */
    static final class InMemoryLibraries implements LibraryRepository {
        final List<Library> rows = new ArrayList<>();

        private static Comparator<Library> order() {
            return Comparator.comparing((Library l) -> l.namespace().bucket()).thenComparing(l -> l.namespace().scope())
                    .thenComparing(Library::name);
        }

        @Override
        public Optional<Library> find(LibraryNamespace ns, String name) {
            return rows.stream().filter(l -> l.namespace().equals(ns) && l.name().equals(name)).findFirst();
        }

        @Override
        public List<Library> list(LibraryNamespace ns) {
            return rows.stream().filter(l -> l.namespace().equals(ns)).sorted(order()).toList();
        }

        @Override
        public List<Library> listVisible(Collection<String> buckets) {
            return rows.stream().filter(l -> buckets == null || l.namespace().global() || buckets.contains(l.namespace().bucket()))
                    .sorted(order()).toList();
        }

        @Override
        public List<Library> named(String bucket, Collection<String> names) {
            return rows.stream().filter(l -> (l.namespace().global() || l.namespace().bucket().equals(bucket)) && names.contains(l.name()))
                    .sorted(order()).toList();
        }

        @Override
        public int count(LibraryNamespace ns) {
            return list(ns).size();
        }

        @Override
        public boolean create(Library library) {
            if (find(library.namespace(), library.name()).isPresent()) {
                return false;
            }
            return rows.add(library);
        }

        @Override
        public boolean update(Library library) {
            return find(library.namespace(), library.name()).map(old -> {
                rows.set(rows.indexOf(old), library);
                return true;
            }).orElse(false);
        }

        @Override
        public boolean delete(LibraryNamespace ns, String name) {
            return rows.removeIf(l -> l.namespace().equals(ns) && l.name().equals(name));
        }
    }

    private final InMemoryLibraries repository = new InMemoryLibraries();
    private final SaveLibrary save = new SaveLibrary(repository, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final ReadLibraries read = new ReadLibraries(repository);
    private final ImportableLibraries source = new ImportableLibraries(repository);

    @Test
    void saveCreatesThenReplaces() {
        SaveLibrary.Saved first = save.save(ADMIN, LibraryNamespace.GLOBAL, "math", null, "function add(a, b) { return a + b; }");
        assertThat(first.created()).isTrue();
        assertThat(first.library().language()).isEqualTo("js");
        SaveLibrary.Saved second = save.save(ADMIN, LibraryNamespace.GLOBAL, "math", "python", "def add(a, b):\n    return a + b\n");
        assertThat(second.created()).isFalse();
        assertThat(read.get(ANA, LibraryNamespace.GLOBAL, "math").language()).isEqualTo("python");
        assertThat(repository.rows).hasSize(1);
    }

    @Test
    void globalLibrariesAreForAdminsToChangeAndEveryoneToRead() {
        assertThatThrownBy(() -> save.save(ANA, LibraryNamespace.GLOBAL, "math", null, "x")).isInstanceOf(PermissionDeniedException.class);
        save.save(ADMIN, LibraryNamespace.GLOBAL, "math", null, "function f() {}");
        assertThat(read.get(CY, LibraryNamespace.GLOBAL, "math").code()).isEqualTo("function f() {}");
        DeleteLibrary delete = new DeleteLibrary(repository, List.of());
        assertThatThrownBy(() -> delete.delete(ANA, LibraryNamespace.GLOBAL, "math")).isInstanceOf(PermissionDeniedException.class);
        delete.delete(ADMIN, LibraryNamespace.GLOBAL, "math");
        assertThatThrownBy(() -> read.get(ANA, LibraryNamespace.GLOBAL, "math")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void scopedLibrariesAreForTheirOrganisation() {
        save.save(ANA, ACME, "geo", null, "function d() {}");
        assertThat(read.get(ANA, ACME, "geo").updatedBy()).isEqualTo("ana");
        assertThat(read.get(ADMIN, ACME, "geo").code()).isEqualTo("function d() {}");
        assertThatThrownBy(() -> read.get(CY, ACME, "geo")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> save.save(CY, ACME, "geo", null, "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> read.list(CY, ACME)).isInstanceOf(PermissionDeniedException.class);
        save.save(ADMIN, LibraryNamespace.GLOBAL, "g", null, "function g() {}");
        save.save(CY, new LibraryNamespace("beta", "x"), "b", null, "function b() {}");
        assertThat(read.list(ANA, null)).extracting(Library::name).containsExactly("g", "geo");
        assertThat(read.list(ANA, ACME)).extracting(Library::name).containsExactly("geo");
        assertThat(read.list(ADMIN, null)).extracting(Library::name).containsExactly("g", "geo", "b");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> save.save(ADMIN, LibraryNamespace.GLOBAL, "-dash-first", null, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("library"));
        assertThatThrownBy(() -> save.save(ADMIN, LibraryNamespace.GLOBAL, "py-dash", "python", "x = 1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("library"));
        assertThat(save.save(ADMIN, LibraryNamespace.GLOBAL, "js-dash", "js", "function f() {}").library().name()).isEqualTo("js-dash");
        assertThatThrownBy(() -> save.save(ADMIN, LibraryNamespace.GLOBAL, "ok", "ruby", "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThatThrownBy(() -> save.save(ADMIN, LibraryNamespace.GLOBAL, "ok", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("functions"));
        assertThatThrownBy(() -> save.save(ADMIN, LibraryNamespace.GLOBAL, "ok", null, "x".repeat(Library.MAX_CODE_CHARS + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("functions"));
        assertThatThrownBy(() -> LibraryNamespace.of("acme", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("scope"));
        assertThatThrownBy(() -> LibraryNamespace.of(" ", "geo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("bucket"));
        assertThatThrownBy(() -> LibraryNamespace.of("Not An Org", "geo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("bucket"));
    }

    @Test
    void aNamespaceHoldsABoundedNumberOfLibraries() {
        for (int i = 0; i < SaveLibrary.MAX_PER_NAMESPACE; i++) {
            repository.rows.add(new Library(ACME, "l" + i, "js", "x", "ana", Instant.EPOCH, Instant.EPOCH));
        }
        assertThatThrownBy(() -> save.save(ANA, ACME, "onemore", null, "x")).isInstanceOf(ConflictException.class);
        assertThat(save.save(ANA, ACME, "l0", null, "replacing is fine").created()).isFalse();
    }

    @Test
    void aLibraryThatUdfsImportIsNotDeleted() {
        save.save(ANA, ACME, "geo", null, "function d() {}");
        List<String> asked = new ArrayList<>();
        LibraryImporters store = (library, organization) -> {
            asked.add(library + "@" + organization);
            return library.equals("geo") ? List.of("acme/route-planner", "acme/3f1c") : List.of();
        };
        DeleteLibrary delete = new DeleteLibrary(repository, List.of(store));
        assertThatThrownBy(() -> delete.delete(ANA, ACME, "geo"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
                    assertThat(e.getMessage()).contains("acme/route-planner", "acme/3f1c");
                    assertThat(e.details().get("importers")).isEqualTo(List.of("acme/route-planner", "acme/3f1c"));
                });
        assertThat(asked).containsExactly("geo@acme");
        assertThat(repository.find(ACME, "geo")).isPresent();

        save.save(ADMIN, LibraryNamespace.GLOBAL, "free", null, "function f() {}");
        delete.delete(ADMIN, LibraryNamespace.GLOBAL, "free");
        assertThat(asked).contains("free@null");
        assertThatThrownBy(() -> delete.delete(ADMIN, LibraryNamespace.GLOBAL, "free")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void udfsImportScopedLibrariesBeforeGlobalOnes() {
        save.save(ADMIN, LibraryNamespace.GLOBAL, "util", null, "global util");
        save.save(ADMIN, LibraryNamespace.GLOBAL, "math", null, "global math");
        save.save(ANA, ACME, "util", null, "acme util");
        save.save(CY, new LibraryNamespace("beta", "x"), "math", null, "beta math");
        assertThat(source.sources(Language.JS, "acme", Set.of("util", "math")))
                .isEqualTo(Map.of("util", "acme util", "math", "global math"));
        assertThat(source.sources(Language.JS, "beta", Set.of("util", "math")))
                .isEqualTo(Map.of("util", "global util", "math", "beta math"));
        assertThat(source.sources(Language.JS, null, Set.of("util"))).isEqualTo(Map.of("util", "global util"));
        assertThat(source.sources(Language.JS, "acme", Set.of())).isEmpty();
    }

    @Test
    void aChangedLibraryIsSeenByTheNextResolution() {
        save.save(ANA, ACME, "util", null, "v1");
        assertThat(source.sources(Language.JS, "acme", Set.of("util"))).containsEntry("util", "v1");
        save.save(ANA, ACME, "util", null, "v2");
        assertThat(source.sources(Language.JS, "acme", Set.of("util"))).containsEntry("util", "v2");
    }

    @Test
    void missingAmbiguousAndForeignLanguageImportsAreRefused() {
        assertThatThrownBy(() -> source.sources(Language.JS, "acme", Set.of("nothing")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nothing");
        save.save(ANA, ACME, "twice", null, "a");
        save.save(ANA, new LibraryNamespace("acme", "other"), "twice", null, "b");
        assertThatThrownBy(() -> source.sources(Language.JS, "acme", Set.of("twice")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("geo", "other"));
        save.save(ADMIN, LibraryNamespace.GLOBAL, "py", "python", "def f():\n    return 1\n");
        assertThatThrownBy(() -> source.sources(Language.JS, "acme", Set.of("py")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("python"));
        assertThat(source.sources(Language.PYTHON, "acme", Set.of("py"))).containsKey("py");
        Set<String> tooMany = new java.util.HashSet<>();
        for (int i = 0; i <= ImportableLibraries.MAX_IMPORTS; i++) {
            tooMany.add("l" + i);
        }
        assertThatThrownBy(() -> source.sources(Language.JS, "acme", tooMany)).isInstanceOf(ValidationException.class);
    }
}
