package io.grapholap.server.config;

import io.grapholap.application.function.LibraryImporters;
import io.grapholap.application.function.LibrarySource;
import io.grapholap.application.library.DeleteLibrary;
import io.grapholap.application.library.ImportableLibraries;
import io.grapholap.application.library.LibraryRepository;
import io.grapholap.application.library.ReadLibraries;
import io.grapholap.application.library.SaveLibrary;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the function-library use cases and the {@link LibrarySource} that UDF runs read libraries
 * from. Deleting a library asks every {@link LibraryImporters} bean (each UDF store) whether a
 * saved function imports it.
 */
@Factory
final class LibraryUseCases {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    SaveLibrary saveLibrary(LibraryRepository repository) {
        return new SaveLibrary(repository, CLOCK);
    }

    @Singleton
    ReadLibraries readLibraries(LibraryRepository repository) {
        return new ReadLibraries(repository);
    }

    @Singleton
    DeleteLibrary deleteLibrary(LibraryRepository repository, List<LibraryImporters> importers) {
        return new DeleteLibrary(repository, importers);
    }

    @Singleton
    LibrarySource librarySource(LibraryRepository repository) {
        return new ImportableLibraries(repository);
    }
}
