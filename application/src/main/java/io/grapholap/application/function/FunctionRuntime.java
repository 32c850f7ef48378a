package io.grapholap.application.function;

import java.util.Set;

/**
 * Runs user code (UDFs in JavaScript or Python) in a sandbox: no host classes, files, network, threads, processes or
 * environment; only the arguments of {@link Invocation} cross the boundary. Thread-safe.
 */
public interface FunctionRuntime {

    /** The languages that can run here now (a language whose engine failed to start is absent). */
    Set<Language> languages();

    /**
     * Save-time check: the code parses and defines {@code task} taking {@code entry.arity()}
     * arguments; libraries are not resolved.
     *
     * @throws io.grapholap.domain.error.ValidationException on {@code field}, with the line in the message
     */
    void check(Language language, String code, EntryPoint entry, String field);

    /** Names of the libraries the code imports, in the language's own import idiom. */
    Set<String> imports(Language language, String code);

    /**
     * Runs {@code task} and returns its result as plain values (see {@link Invocation}); a returned
     * graph comes back as the {@link io.grapholap.application.graph.GraphInstance} it wraps.
     *
     * @throws FunctionFailedException when the user code raised an error
     * @throws io.grapholap.domain.error.OperationTimeoutException when it ran past the timeout
     * @throws io.grapholap.domain.error.ValidationException on {@code output} when the result is too large
     */
    Object run(Invocation invocation);
}
