package io.grapholap.application.library;

import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Out-port: function libraries, unique by namespace and name. Lists are ordered by bucket, scope, name. */
public interface LibraryRepository {

    Optional<Library> find(LibraryNamespace namespace, String name);

    /** The libraries of one namespace. */
    List<Library> list(LibraryNamespace namespace);

    /** Global libraries and those of the given buckets (organisations); every library when {@code buckets} is null. */
    List<Library> listVisible(Collection<String> buckets);

    /** Libraries of {@code bucket} (any scope) and global ones whose name is one of {@code names}. */
    List<Library> named(String bucket, Collection<String> names);

    int count(LibraryNamespace namespace);

    /** Stores a new library; false when the namespace already has one of that name. */
    boolean create(Library library);

    /** Replaces the language, code, updater and update time of an existing library; false when there is none. */
    boolean update(Library library);

    /** Removes a library; false when there was none. */
    boolean delete(LibraryNamespace namespace, String name);
}
