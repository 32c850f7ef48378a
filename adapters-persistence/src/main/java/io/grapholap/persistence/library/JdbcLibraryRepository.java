package io.grapholap.persistence.library;

import io.grapholap.application.library.LibraryRepository;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Function libraries in the metadata database; the primary key keeps one library per namespace and name. */
@Singleton
final class JdbcLibraryRepository implements LibraryRepository {

    private final LibraryRows rows;

    JdbcLibraryRepository(LibraryRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Library> find(LibraryNamespace namespace, String name) {
        return rows.findById(new LibraryKey(namespace.bucket(), namespace.scope(), name)).map(JdbcLibraryRepository::toLibrary);
    }

    @Override
    public List<Library> list(LibraryNamespace namespace) {
        return rows.inNamespace(namespace.bucket(), namespace.scope()).stream().map(JdbcLibraryRepository::toLibrary).toList();
    }

    @Override
    public List<Library> listVisible(Collection<String> buckets) {
        List<LibraryRow> found;
        if (buckets == null) {
            found = rows.everything();
        } else if (buckets.isEmpty()) {
            found = rows.inNamespace("", "");
        } else {
            found = rows.globalOr(buckets);
        }
        return found.stream().map(JdbcLibraryRepository::toLibrary).toList();
    }

    @Override
    public List<Library> named(String bucket, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return rows.named(bucket, names).stream().map(JdbcLibraryRepository::toLibrary).toList();
    }

    @Override
    public int count(LibraryNamespace namespace) {
        return rows.countIn(namespace.bucket(), namespace.scope());
    }

    @Override
    public boolean create(Library library) {
        try {
            rows.save(new LibraryRow(new LibraryKey(library.namespace().bucket(), library.namespace().scope(), library.name()),
                    library.language(), library.code(), library.updatedBy(),
                    library.createdAt().truncatedTo(ChronoUnit.MICROS), library.updatedAt().truncatedTo(ChronoUnit.MICROS)));
            return true;
        } catch (DataAccessException e) {
            if (UniqueViolation.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean update(Library library) {
        return rows.replace(library.namespace().bucket(), library.namespace().scope(), library.name(), library.language(),
                library.code(), library.updatedBy(), library.updatedAt().truncatedTo(ChronoUnit.MICROS)) == 1;
    }

    @Override
    public boolean delete(LibraryNamespace namespace, String name) {
        return rows.remove(namespace.bucket(), namespace.scope(), name) == 1;
    }

    private static Library toLibrary(LibraryRow row) {
        return new Library(new LibraryNamespace(row.id().bucket(), row.id().scope()), row.id().name(), row.language(), row.code(),
                row.updatedBy(), row.createdAt(), row.updatedAt());
    }
}
