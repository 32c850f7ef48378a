package io.grapholap.application.library;

/** The in-memory library repository of the use case tests keeps the repository contract. */
class InMemoryLibrariesTest extends LibraryRepositoryContract {

    @Override
    protected LibraryRepository open() {
        return new LibraryUseCasesTest.InMemoryLibraries();
    }
}
