package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.eval.CypherGraph;
import java.util.Map;

/**
 * The one path from a query text to its answer: parse, check, run. The HTTP route, UDFs and the
 * openCypher TCK all come through here, so what the TCK shows is what users get.
 */
public final class CypherQueries {

    private CypherQueries() {
    }

    /**
     * Runs {@code text} over {@code graph}.
     *
     * @throws io.grapholap.cypher.CypherSyntaxException when the text is not openCypher
     * @throws ReadOnlyQueryException when it writes
     * @throws io.grapholap.cypher.eval.CypherRuntimeException for a semantic or run-time error, with its code
     * @throws RowBudget.CypherLimitException when an intermediate result passes the budget's rows
     * @throws RowBudget.CypherStoppedException when the budget's stop fired (timeout, cancellation)
     */
    public static CypherExecutor.Result run(CypherGraph graph, Procedures procedures, String text,
                                            Map<String, Object> parameters, RowBudget budget) {
        return new CypherExecutor(graph, procedures).run(CypherSyntax.parse(text), parameters, budget);
    }
}
