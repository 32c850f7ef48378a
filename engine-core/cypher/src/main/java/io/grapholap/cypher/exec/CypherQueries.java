package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.eval.CypherGraph;
import java.util.Map;

/**
 * The one path from a query text to its answer: parse, check ({@link QueryChecker}), run
 * ({@link CypherExecutor}). The HTTP route, UDFs and the openCypher TCK all come through here, so what
 * the TCK shows is what users get.
 */
public final class CypherQueries {

    /** Most query texts whose syntax trees are kept (trees are immutable; parameters are not part of the text). */
    static final int CACHED_TEXTS = 512;

    /** Recently parsed texts, so that a query repeated with new parameters is parsed once. */
    private static final Map<String, Query> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
                    return size() > CACHED_TEXTS;
                }
            });

    /** Texts (with their parameters' names) that passed the checker and call no procedure. */
    private static final Map<String, Boolean> CHECKED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CACHED_TEXTS;
                }
            });

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
        Query query = PARSED.get(text);
        if (query == null) {
            query = CypherSyntax.parse(text);
            PARSED.put(text, query);
        }
        boolean callsProcedures = query.parts().stream().anyMatch(part -> part.clauses().stream().anyMatch(c -> c instanceof Clause.Call));
        // a check depends on the text, the parameters' names and (for CALL) the procedures; the last may differ per graph
        String checked = callsProcedures ? null : text + '\u0000' + new java.util.TreeSet<>(parameters.keySet());
        if (checked == null || !CHECKED.containsKey(checked)) {
            QueryChecker.check(query, procedures, parameters.keySet());
            if (checked != null) {
                CHECKED.put(checked, Boolean.TRUE);
            }
        }
        return new CypherExecutor(graph, procedures).run(query, parameters, budget);
    }
}
