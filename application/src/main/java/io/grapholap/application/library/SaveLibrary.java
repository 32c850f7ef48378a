package io.grapholap.application.library;

import io.grapholap.application.function.Language;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.library.Library;
import io.grapholap.domain.library.LibraryNamespace;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a library or replaces the one of the same name in its namespace (the library
 * API's create-or-update: the body is the whole code). A namespace holds at most {@link #MAX_PER_NAMESPACE}
 * libraries. Two callers creating the same library at once both succeed, the later one winning.
 */
public final class SaveLibrary {

    public static final int MAX_PER_NAMESPACE = 500;

    /** The stored library, and whether this call created it (false: it replaced one). */
    public record Saved(Library library, boolean created) {
    }

    private final LibraryRepository repository;
    private final Clock clock;

    public SaveLibrary(LibraryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** {@code language} is a wire name ({@code js}, {@code python}); null means js, the only language of the first clients. */
    public Saved save(Actor actor, LibraryNamespace namespace, String name, String language, String code) {
        Library.checkName(name);
        LibraryAccess.requireWrite(actor, namespace);
        String lang = (language == null || language.isBlank() ? Language.JS : Language.parse(language, "language")).wireName();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Library> existing = repository.find(namespace, name);
            if (existing.isPresent()) {
                Library replaced = new Library(namespace, name, lang, code, actor.username(), existing.get().createdAt(), now);
                if (repository.update(replaced)) {
                    return new Saved(replaced, false);
                }
                continue;
            }
            if (repository.count(namespace) >= MAX_PER_NAMESPACE) {
                throw new ConflictException("CONFLICT", "a namespace holds at most " + MAX_PER_NAMESPACE + " libraries",
                        Map.of("bucket", namespace.bucket(), "scope", namespace.scope(), "limit", MAX_PER_NAMESPACE));
            }
            Library created = new Library(namespace, name, lang, code, actor.username(), now, now);
            if (repository.create(created)) {
                return new Saved(created, true);
            }
        }
        throw new ConflictException("CONFLICT", "library " + name + " changed while it was being saved; try again",
                Map.of("library", name));
    }
}
