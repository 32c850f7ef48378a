package io.grapholap.application.library;

import io.grapholap.application.function.Language;
import io.grapholap.application.function.LibrarySource;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.library.Library;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The libraries a UDF of an organisation imports, read from the repository at every run. A name
 * resolves to the organisation's scoped library of that name (in whichever scope of its bucket
 * holds it; a name held by two scopes is ambiguous and refused), else to the global one. A
 * library in another language than the importing function is refused rather than skipped.
 */
public final class ImportableLibraries implements LibrarySource {

    /** At most this many libraries per run. */
    public static final int MAX_IMPORTS = 64;

    private final LibraryRepository repository;

    public ImportableLibraries(LibraryRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, String> sources(Language language, String organization, Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        if (names.size() > MAX_IMPORTS) {
            throw new ValidationException("libraries", "a function imports at most " + MAX_IMPORTS + " libraries, got " + names.size());
        }
        Set<String> sorted = new TreeSet<>(names);
        List<Library> found = repository.named(organization == null ? "" : organization, sorted);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : sorted) {
            List<Library> scoped = new ArrayList<>();
            Library global = null;
            for (Library library : found) {
                if (!library.name().equals(name)) {
                    continue;
                }
                if (library.namespace().global()) {
                    global = library;
                } else if (library.namespace().bucket().equals(organization)) {
                    scoped.add(library);
                }
            }
            if (scoped.size() > 1) {
                throw new ValidationException("libraries", "library " + name + " is defined in several scopes of organisation "
                        + organization + " (" + String.join(", ", scoped.stream().map(l -> l.namespace().scope()).toList())
                        + "); keep one of them");
            }
            Library chosen = scoped.isEmpty() ? global : scoped.getFirst();
            if (chosen == null) {
                throw new NotFoundException("library", name);
            }
            if (!chosen.language().equals(language.wireName())) {
                throw new ValidationException("libraries", "library " + name + " is written in " + chosen.language()
                        + "; a " + language.wireName() + " function cannot import it");
            }
            sources.put(name, chosen.code());
        }
        return sources;
    }
}
