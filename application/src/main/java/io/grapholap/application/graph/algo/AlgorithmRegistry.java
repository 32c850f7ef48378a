package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every algorithm definition on the class path, found through {@link ServiceLoader} (a definition
 * registers itself with {@code @AutoService(AlgorithmDefinition.class)}, which writes its
 * {@code META-INF/services} entry at compile time), in the order of their names. HTTP, UDFs, the algorithm CLI and the bench all parse and document through this one list,
 * so a parameter has the same name, default and range everywhere.
 */
public final class AlgorithmRegistry {

    private static final Map<String, AlgorithmDefinition<?>> ALL = load();

    private AlgorithmRegistry() {
    }

    private static Map<String, AlgorithmDefinition<?>> load() {
        Map<String, AlgorithmDefinition<?>> all = new TreeMap<>();
        for (AlgorithmDefinition<?> d : ServiceLoader.load(AlgorithmDefinition.class,
                AlgorithmRegistry.class.getClassLoader())) {
            if (all.putIfAbsent(d.name(), d) != null) {
                throw new IllegalStateException("two algorithm definitions are named " + d.name());
            }
        }
        return all;
    }

    /** All algorithms, in registry order. */
    public static List<AlgorithmDefinition<?>> all() {
        return List.copyOf(ALL.values());
    }

    /** The names of all algorithms, in registry order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Optional<AlgorithmDefinition<?>> find(String name) {
        return Optional.ofNullable(name == null ? null : ALL.get(name));
    }

    /** The algorithm called {@code name}; an unknown name is a validation error on field {@code algorithm}. */
    public static AlgorithmDefinition<?> get(String name) {
        return find(name).orElseThrow(() -> new ValidationException("algorithm", "unknown algorithm '" + name
                + "'; known: " + String.join(", ", ALL.keySet())));
    }

    /** Validates {@code raw} for {@code algorithm} and returns the typed parameter record. */
    public static AlgorithmParams parse(String algorithm, Map<String, ?> raw) {
        return get(algorithm).parse(raw);
    }
}
