package io.grapholap.cypher;

import io.grapholap.cypher.ast.Position;

/**
 * A query that parses but cannot run, found before it runs: an unknown variable, a misplaced
 * aggregation, a type that cannot fit, a procedure called wrongly. {@code code} names the kind of
 * error as the openCypher TCK does ({@code UndefinedVariable}, {@code InvalidAggregation},
 * {@code InvalidArgumentType}, …); the position is that of the offending name or call where the query
 * has one, else of the clause it stands in.
 */
public final class CypherSemanticException extends RuntimeException {

    private final String code;
    private final Position position;

    public CypherSemanticException(String code, String message, Position position) {
        super(message + " (" + position + ")");
        this.code = code;
        this.position = position;
    }

    public String code() {
        return code;
    }

    public Position position() {
        return position;
    }

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }
}
