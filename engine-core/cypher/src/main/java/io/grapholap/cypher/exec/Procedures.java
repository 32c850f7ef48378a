package io.grapholap.cypher.exec;

import io.grapholap.cypher.eval.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The procedures {@code CALL} reaches. The executor does all checking from the {@link Signature}.
 * Before the query runs: that the procedure exists ({@code ProcedureNotFound}), the number of
 * arguments ({@code InvalidNumberOfArguments}), the type of arguments whose type the text tells
 * ({@code InvalidArgumentType}), that a call without parentheses stands alone
 * ({@code InvalidArgumentPassingMode}) and has a parameter for each input ({@code MissingParameter}),
 * that {@code YIELD} names outputs ({@code UnknownProcedureOutput}) into new variables
 * ({@code VariableAlreadyBound}). While it runs: that each argument has its input's type
 * ({@code InvalidArgumentType}), converting an integer for a float input and a whole float for an
 * integer input. An implementation only describes and computes.
 */
public interface Procedures {

    /** The signature of the procedure named {@code name} (its namespace and name joined by dots), or empty when there is none. */
    Optional<Signature> signature(String name);

    /**
     * The records of one call of {@code name}: {@code arguments} are in the signature's input order and
     * already of their input's type (null stays null: every input accepts it); each record maps the
     * signature's output names to values ({@link Values#of} models them; a missing name reads as null).
     * A VOID procedure returns no records. The budget bounds what it may hold
     * ({@link RowBudget#hold}) and tells a long computation when to stop ({@link RowBudget#tick}).
     */
    List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget);

    /**
     * What a procedure takes and gives, in order. In a query a call stands for each of its records (a
     * call that gives none removes the row); a {@code VOID} procedure has no outputs and no records, and
     * a call of it leaves each row as it was. A standalone call answers the records.
     */
    record Signature(List<Field> inputs, List<Field> outputs, boolean isVoid) {
        public Signature {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            if (isVoid && !outputs.isEmpty()) {
                throw new IllegalArgumentException("a VOID procedure has no outputs");
            }
        }

        /** A procedure that gives records of {@code outputs}. */
        public static Signature of(List<Field> inputs, List<Field> outputs) {
            return new Signature(inputs, outputs, false);
        }

        public List<String> outputNames() {
            return outputs.stream().map(Field::name).toList();
        }
    }

    /** One input or output of a procedure. */
    record Field(String name, Type type) {
    }

    /** The types a procedure's inputs and outputs may declare; {@code ANY} takes every value. */
    enum Type {
        ANY, BOOLEAN, INTEGER, FLOAT, NUMBER, STRING, LIST, MAP, NODE, RELATIONSHIP, PATH;

        /** Whether {@code value} may be passed for this type: an integer may for a float, a whole float for an integer, null always. */
        public boolean accepts(Object value) {
            Object v = Values.of(value);
            return switch (this) {
                case ANY -> true;
                case BOOLEAN -> v == null || v instanceof Boolean;
                case INTEGER -> v == null || v instanceof Long || v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18;
                case FLOAT, NUMBER -> v == null || v instanceof Long || v instanceof Double;
                case STRING -> v == null || v instanceof String;
                case LIST -> v == null || v instanceof List<?>;
                case MAP -> v == null || v instanceof Map<?, ?>;
                case NODE -> v == null || v instanceof Values.Node;
                case RELATIONSHIP -> v == null || v instanceof Values.Relationship;
                case PATH -> v == null || v instanceof Values.Path;
            };
        }

        /** A value this type {@link #accepts} as a value of the type: integers become floats for a float, whole floats integers for an integer. */
        public Object convert(Object value) {
            Object v = Values.of(value);
            return switch (this) {
                case INTEGER -> v instanceof Double d ? (Object) d.longValue() : v;
                case FLOAT -> v instanceof Long l ? (Object) l.doubleValue() : v;
                default -> v;
            };
        }
    }

    /** No procedures at all. */
    Procedures NONE = new Procedures() {
        @Override
        public Optional<Signature> signature(String name) {
            return Optional.empty();
        }

        @Override
        public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
            throw new IllegalStateException("there is no procedure " + name);
        }
    };
}
