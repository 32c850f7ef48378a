package io.grapholap.application.library;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import java.util.List;

/** Reads one library or lists libraries, as far as the caller may see them. */
public final class ReadLibraries {

    private final LibraryRepository repository;

    public ReadLibraries(LibraryRepository repository) {
        this.repository = repository;
    }

    public Library get(Actor actor, LibraryNamespace namespace, String name) {
        Library.checkName(name);
        LibraryAccess.requireRead(actor, namespace);
        return repository.find(namespace, name).orElseThrow(() -> new NotFoundException("library", describe(namespace, name)));
    }

    /**
     * With a namespace (scoped), its libraries; without one (null), every global library and the
     * scoped libraries of the caller's organisations (of all organisations for an admin).
     */
    public List<Library> list(Actor actor, LibraryNamespace namespace) {
        if (namespace != null && !namespace.global()) {
            LibraryAccess.requireRead(actor, namespace);
            return repository.list(namespace);
        }
        return repository.listVisible(actor.isAdmin() ? null : actor.organizations());
    }

    static String describe(LibraryNamespace namespace, String name) {
        return namespace.global() ? name : namespace.bucket() + "." + namespace.scope() + "." + name;
    }
}
