package io.grapholap.cypher.ast;

import java.util.List;

/** One clause of a single query, with where it starts. */
public sealed interface Clause {

    Position position();

    /** The clause's keywords as a user writes them, for messages: {@code OPTIONAL MATCH}, {@code DETACH DELETE}. */
    String keyword();

    /** {@code [OPTIONAL] MATCH pattern [WHERE predicate]}; {@code where} is null when absent. */
    record Match(Position position, boolean optional, List<PatternPart> pattern, Expression where) implements Clause {
        public Match {
            pattern = List.copyOf(pattern);
        }

        @Override
        public String keyword() {
            return optional ? "OPTIONAL MATCH" : "MATCH";
        }
    }

    /** {@code UNWIND list AS variable}. */
    record Unwind(Position position, Expression list, String variable) implements Clause {
        @Override
        public String keyword() {
            return "UNWIND";
        }
    }

    /** {@code WITH projection [WHERE predicate]}. */
    record With(Position position, Projection projection, Expression where) implements Clause {
        @Override
        public String keyword() {
            return "WITH";
        }
    }

    /** {@code RETURN projection}. */
    record Return(Position position, Projection projection) implements Clause {
        @Override
        public String keyword() {
            return "RETURN";
        }
    }

    /**
     * {@code CALL name(args) [YIELD items [WHERE predicate]]}. {@code arguments} is null when the call has
     * no parentheses (its arguments then come from parameters of the same names); {@code yieldAll} for
     * {@code YIELD *}; {@code yields} is null without {@code YIELD} and empty for {@code YIELD -}.
     */
    record Call(Position position, List<String> procedure, List<Expression> arguments, boolean yieldAll, List<YieldItem> yields,
                Expression where) implements Clause {
        public Call {
            procedure = List.copyOf(procedure);
            arguments = arguments == null ? null : List.copyOf(arguments);
            yields = yields == null ? null : List.copyOf(yields);
        }

        @Override
        public String keyword() {
            return "CALL";
        }

        public String procedureName() {
            return String.join(".", procedure);
        }
    }

    /** {@code CREATE pattern}: the pattern is kept, since test set-ups build their graphs from it. */
    record Create(Position position, List<PatternPart> pattern) implements Clause {
        public Create {
            pattern = List.copyOf(pattern);
        }

        @Override
        public String keyword() {
            return "CREATE";
        }
    }

    /** {@code [DETACH] DELETE expressions}: kept, since test set-ups delete what they matched. */
    record Delete(Position position, boolean detach, List<Expression> expressions) implements Clause {
        public Delete {
            expressions = List.copyOf(expressions);
        }

        @Override
        public String keyword() {
            return detach ? "DETACH DELETE" : "DELETE";
        }
    }

    /** A clause that writes and whose content no reader needs: {@code MERGE}, {@code SET}, {@code REMOVE}, … */
    record Write(Position position, String keyword) implements Clause {
    }
}
