package io.grapholap.application.library;

import io.grapholap.application.function.LibraryImporters;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes a library that no saved UDF imports; otherwise answers {@code RESOURCE_HAS_DEPENDENCIES}
 * naming the importers (the library API's rule: drop the functions first). Every UDF store present is asked.
 */
public final class DeleteLibrary {

    private final LibraryRepository repository;
    private final List<LibraryImporters> importers;

    public DeleteLibrary(LibraryRepository repository, List<LibraryImporters> importers) {
        this.repository = repository;
        this.importers = List.copyOf(importers);
    }

    public void delete(Actor actor, LibraryNamespace namespace, String name) {
        Library.checkName(name);
        LibraryAccess.requireWrite(actor, namespace);
        String what = ReadLibraries.describe(namespace, name);
        if (repository.find(namespace, name).isEmpty()) {
            throw new NotFoundException("library", what);
        }
        List<String> using = new ArrayList<>();
        for (LibraryImporters store : importers) {
            using.addAll(store.importersOf(name, namespace.organization()));
        }
        if (!using.isEmpty()) {
            throw new ConflictException("RESOURCE_HAS_DEPENDENCIES",
                    "library " + what + " is imported by " + String.join(", ", using) + "; change or delete those functions first",
                    Map.of("library", what, "importers", List.copyOf(using)));
        }
        if (!repository.delete(namespace, name)) {
            throw new NotFoundException("library", what);
        }
    }
}
