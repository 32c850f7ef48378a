package io.grapholap.cypher.eval;

/**
 * An error found while a query runs. {@code code} names its kind as the openCypher TCK does
 * ({@code InvalidArgumentType}, {@code NumberOutOfRange}, {@code PropertyAccessOnNonMap}, …), so that
 * answers and the TCK can tell them apart.
 */
public final class CypherRuntimeException extends RuntimeException {

    private final String code;

    public CypherRuntimeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
