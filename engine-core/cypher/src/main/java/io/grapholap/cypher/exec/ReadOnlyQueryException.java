package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Position;

/** A query with a clause that writes: instances hold immutable snapshots, so it is refused before it runs. */
public final class ReadOnlyQueryException extends RuntimeException {

    private final String clause;
    private final Position position;

    public ReadOnlyQueryException(String clause, Position position) {
        super(clause + " is not allowed: the graph of an instance is read-only (" + position
                + "); algorithms in mode mutate add properties");
        this.clause = clause;
        this.position = position;
    }

    public String clause() {
        return clause;
    }

    public Position position() {
        return position;
    }
}
