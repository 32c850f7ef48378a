package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.eval.CypherGraph;
import java.util.Map;

/**
 * The one path from a query text to its answer: parse, check ({@link QueryChecker}), run
 * ({@link CypherExecutor}). The HTTP route, UDFs and the openCypher TCK all come through here, so what
 * the TCK shows is what users get.
 */
public final class CypherQueries {

    private CypherQueries() {
    }

    /**
     * Runs {@code text} over {@code graph}.
     *
     * @throws io.grapholap.cypher.CypherSyntaxException when the text is not openCypher (with line, column and token)
     * @throws ReadOnlyQueryException when it writes
     * @throws io.grapholap.cypher.CypherSemanticException when it cannot run, found before it runs (with its TCK code and position)
     * @throws io.grapholap.cypher.eval.CypherRuntimeException for an error while it runs, with its TCK code
     * @throws RowBudget.CypherLimitException when an intermediate result passes the budget's rows
     * @throws RowBudget.CypherStoppedException when the budget's stop fired (timeout, cancellation)
     */
    public static CypherExecutor.Result run(CypherGraph graph, Procedures procedures, String text,
                                            Map<String, Object> parameters, RowBudget budget) {
        Query query = CypherSyntax.parse(text);
        QueryChecker.check(query, procedures, parameters.keySet());
        return new CypherExecutor(graph, procedures).run(query, parameters, budget);
    }
}
