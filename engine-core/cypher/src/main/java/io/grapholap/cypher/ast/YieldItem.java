package io.grapholap.cypher.ast;

/** {@code field [AS variable]} of a {@code YIELD}: the procedure's output field and the variable it binds. */
public record YieldItem(String field, String variable) {
}
