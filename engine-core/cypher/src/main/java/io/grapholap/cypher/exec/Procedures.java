package io.grapholap.cypher.exec;

import java.util.List;
import java.util.Map;

/** The procedures {@code CALL} reaches: their output fields, and their records for given arguments. */
public interface Procedures {

    /** The output fields of {@code name}, in order; an unknown name is a {@code ProcedureNotFound} error. */
    List<String> fields(String name);

    /** The records of one call; the budget bounds what the procedure may hold. */
    List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget);

    /** No procedures at all. */
    Procedures NONE = new Procedures() {
        @Override
        public List<String> fields(String name) {
            throw new io.grapholap.cypher.eval.CypherRuntimeException("ProcedureNotFound", "there is no procedure " + name);
        }

        @Override
        public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
            throw new io.grapholap.cypher.eval.CypherRuntimeException("ProcedureNotFound", "there is no procedure " + name);
        }
    };
}
