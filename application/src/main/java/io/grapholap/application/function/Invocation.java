package io.grapholap.application.function;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of user code: the code, which {@code task} to call and its arguments, the libraries the
 * code may import (name → source, same language) and the limits.
 *
 * <p>Arguments are plain values (null, Boolean, Number, String, List, Map with String keys), a
 * {@link io.grapholap.application.graph.GraphInstance} (seen by the code as the graph API {@code g})
 * or a {@link FunctionSession} (seen as {@code session}). {@code session}, when not null, is also
 * what {@code load_data} code uses to load a dataset or build a graph.
 */
public record Invocation(Language language, String code, EntryPoint entry, List<Object> arguments,
                         Map<String, String> libraries, FunctionSession session, RunLimits limits) {

    public Invocation {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(limits, "limits");
        arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        libraries = Map.copyOf(libraries);
        if (arguments.size() != entry.arity()) {
            throw new IllegalArgumentException(entry + " takes " + entry.arity() + " arguments, got " + arguments.size());
        }
    }
}
