package io.grapholap.cypher.ast;

import java.util.List;

/** Clauses run in order, each on the rows the one before it produced. */
public record SingleQuery(List<Clause> clauses) {

    public SingleQuery {
        clauses = List.copyOf(clauses);
    }
}
