package io.grapholap.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every query of the openCypher TCK parses, except those whose scenario expects an error the parser
 * must find itself (bad literals, bad syntax), which must not. Errors a later phase finds (unknown
 * variables, misplaced aggregation, …) are not the parser's: those queries must parse.
 */
class TckSyntaxTest {

    /** The TCK's compile-time errors that lie in the text itself. */
    private static final Set<String> SYNTAX_ERRORS = Set.of("UnexpectedSyntax", "InvalidNumberLiteral", "InvalidUnicodeLiteral",
            "InvalidUnicodeCharacter", "IntegerOverflow", "FloatingPointOverflow", "InvalidRelationshipPattern");

    @Test
    void everyTckQueryParsesAsItsScenarioExpects() throws Exception {
        List<TckQueries> queries = TckQueries.all();
        List<String> wrong = new ArrayList<>();
        int parsed = 0;
        int refused = 0;
        for (TckQueries q : queries) {
            boolean mustFail = q.compileError() != null && SYNTAX_ERRORS.contains(q.compileError());
            try {
                CypherSyntax.parse(q.query());
                parsed++;
                if (mustFail) {
                    wrong.add(q.feature() + " / " + q.scenario() + ": parsed, expected " + q.compileError() + "\n    " + q.query());
                }
            } catch (CypherSyntaxException e) {
                refused++;
                if (!mustFail) {
                    wrong.add(q.feature() + " / " + q.scenario() + ": " + e.getMessage() + "\n    " + q.query());
                }
            }
        }
        System.out.println("[cypher] TCK queries: " + queries.size() + ", parsed " + parsed + ", refused " + refused + ", wrong "
                + wrong.size());
        wrong.stream().limit(40).forEach(w -> System.out.println("  " + w));
        assertThat(queries).as("TCK queries read").hasSizeGreaterThan(1500);
        assertThat(wrong).isEmpty();
    }
}
