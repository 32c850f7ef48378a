package io.grapholap.cypher;

/**
 * A query text that is not openCypher: where (line and column from 1), the offending token as written
 * (empty at the end of the text) and what was wrong. {@code detail} names the kind of error the way
 * the openCypher TCK does ({@code UnexpectedSyntax}, {@code IntegerOverflow}, {@code FloatingPointOverflow},
 * {@code InvalidUnicodeLiteral}).
 */
public final class CypherSyntaxException extends RuntimeException {

    private final int line;
    private final int column;
    private final String token;
    private final String detail;

    public CypherSyntaxException(String message, int line, int column, String token, String detail) {
        super(message + " (line " + line + ", column " + column + (token.isEmpty() ? ", at the end" : ", at '" + token + "'") + ")");
        this.line = line;
        this.column = column;
        this.token = token;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String token() {
        return token;
    }

    public String detail() {
        return detail;
    }
}
