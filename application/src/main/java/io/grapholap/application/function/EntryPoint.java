package io.grapholap.application.function;

/**
 * The {@code task} function a piece of user code must define, by where the code is used:
 * {@code execute} code defines {@code task(g, args)}, {@code load_data} code {@code task(args)},
 * and a custom endpoint's function {@code task(request, user, session)}.
 */
public enum EntryPoint {
    EXECUTE(2),
    LOAD_DATA(1),
    ENDPOINT(3);

    private final int arity;

    EntryPoint(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }
}
