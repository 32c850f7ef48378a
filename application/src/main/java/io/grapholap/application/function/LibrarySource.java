package io.grapholap.application.function;

import java.util.Map;
import java.util.Set;

/**
 * The function libraries a UDF of {@code organization} may import (global libraries and
 * those scoped to the organisation), read at each run so that a library change is seen by the next run.
 */
public interface LibrarySource {

    /**
     * Sources of the named libraries in {@code language}, name → code. A scoped library shadows a
     * global one of the same name.
     *
     * @throws io.grapholap.domain.error.NotFoundException naming the first library that does not exist
     */
    Map<String, String> sources(Language language, String organization, Set<String> names);
}
