package io.grapholap.application.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every LibraryRepository must do: run against the in-memory one of the application tests and
 * against the JDBC one on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LibraryRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final LibraryNamespace ACME_GEO = new LibraryNamespace("acme", "geo");
    private static final LibraryNamespace ACME_FIN = new LibraryNamespace("acme", "fin");
    private static final LibraryNamespace BETA_GEO = new LibraryNamespace("beta", "geo");

    private LibraryRepository repository;

    /** The repository under test, over an empty store. */
    protected abstract LibraryRepository open();

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

    private static Library library(LibraryNamespace ns, String name, String code) {
        return new Library(ns, name, "js", code, "ana", T0, T0);
    }

    @Test
    void aLibraryIsUniquePerNamespaceAndName() {
        assertThat(repository.create(library(LibraryNamespace.GLOBAL, "uniq", "function a() {}"))).isTrue();
        assertThat(repository.create(library(LibraryNamespace.GLOBAL, "uniq", "function b() {}"))).isFalse();
        assertThat(repository.create(library(ACME_GEO, "uniq", "function c() {}"))).isTrue();
        assertThat(repository.find(LibraryNamespace.GLOBAL, "uniq")).get().extracting(Library::code).isEqualTo("function a() {}");
        assertThat(repository.find(ACME_GEO, "uniq")).get().extracting(Library::code).isEqualTo("function c() {}");
        assertThat(repository.find(ACME_FIN, "uniq")).isEmpty();
    }

    @Test
    void updateReplacesCodeAndLanguageAndKeepsTheCreationTime() {
        repository.create(library(BETA_GEO, "upd", "function a() {}"));
        Library replaced = new Library(BETA_GEO, "upd", "python", "def a():\n    return 1\n", "bo", T0, T0.plusSeconds(60));
        assertThat(repository.update(replaced)).isTrue();
        assertThat(repository.find(BETA_GEO, "upd")).contains(new Library(BETA_GEO, "upd", "python", "def a():\n    return 1\n", "bo",
                T0, T0.plusSeconds(60)));
        assertThat(repository.update(new Library(BETA_GEO, "absent", "js", "x", "bo", T0, T0))).isFalse();
    }

    @Test
    void largeCodeRoundTrips() {
        String code = "function big() { return '" + "x".repeat(200_000) + "'; }";
        repository.create(library(ACME_FIN, "big", code));
        assertThat(repository.find(ACME_FIN, "big")).get().extracting(Library::code).isEqualTo(code);
        repository.delete(ACME_FIN, "big");
    }

    @Test
    void listsAreByNamespaceOrVisibility() {
        LibraryNamespace a = new LibraryNamespace("lista", "s1");
        LibraryNamespace b = new LibraryNamespace("listb", "s1");
        repository.create(library(a, "zeta", "1"));
        repository.create(library(a, "alpha", "2"));
        repository.create(library(b, "mid", "3"));
        assertThat(repository.list(a)).extracting(Library::name).containsExactly("alpha", "zeta");
        assertThat(repository.count(a)).isEqualTo(2);

        List<Library> visible = repository.listVisible(Set.of("lista"));
        assertThat(visible).allMatch(l -> l.namespace().global() || l.namespace().bucket().equals("lista"));
        assertThat(visible).extracting(Library::name).contains("alpha", "zeta").doesNotContain("mid");
        assertThat(repository.listVisible(Set.of())).allMatch(l -> l.namespace().global());
        assertThat(repository.listVisible(null)).extracting(Library::name).contains("alpha", "zeta", "mid");
    }

    @Test
    void namedFindsTheBucketAndGlobalLibrariesOfThoseNames() {
        repository.create(library(LibraryNamespace.GLOBAL, "shared", "g"));
        repository.create(library(new LibraryNamespace("named", "one"), "shared", "s"));
        repository.create(library(new LibraryNamespace("other", "one"), "shared", "o"));
        repository.create(library(new LibraryNamespace("named", "one"), "unasked", "u"));
        assertThat(repository.named("named", List.of("shared", "missing"))).extracting(Library::code).containsExactly("g", "s");
        assertThat(repository.named("", List.of("shared"))).extracting(Library::code).containsExactly("g");
        assertThat(repository.named("named", List.of())).isEmpty();
    }

    @Test
    void deleteReportsWhetherThereWasOne() {
        repository.create(library(ACME_GEO, "gone", "1"));
        assertThat(repository.delete(ACME_GEO, "gone")).isTrue();
        assertThat(repository.delete(ACME_GEO, "gone")).isFalse();
        assertThat(repository.find(ACME_GEO, "gone")).isEmpty();
    }
}
