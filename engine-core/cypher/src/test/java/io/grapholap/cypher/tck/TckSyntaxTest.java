package io.grapholap.cypher.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.CypherSyntaxException;
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

    /** A query text of a scenario, and the compile-time error the scenario expects of it (null when none). */
    private record TckQuery(String feature, String scenario, String query, String compileError) {
    }

    @Test
    void everyTckQueryParsesAsItsScenarioExpects() throws Exception {
        List<TckQuery> queries = new ArrayList<>();
        for (TckScenarios.Scenario s : TckScenarios.all()) {
            String error = s.steps().stream().map(TckScenarios.Step::text).filter(t -> t.contains("should be raised at compile time:"))
                    .map(t -> t.substring(t.lastIndexOf(':') + 1).trim()).findFirst().orElse(null);
            for (TckScenarios.Step step : s.steps()) {
                if (step.docString() != null && (step.text().endsWith("executing query:") || step.text().endsWith("having executed:"))) {
                    queries.add(new TckQuery(s.feature(), s.name(), step.docString(),
                            step.text().endsWith("executing query:") ? error : null));
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        int parsed = 0;
        int refused = 0;
        for (TckQuery q : queries) {
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
