package io.grapholap.cypher.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.cypher.CypherSemanticException;
import io.grapholap.cypher.CypherSyntax;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryCheckerTest {

    /** {@code grapholap.rank(config :: MAP) :: (id :: STRING, rank :: FLOAT)} and nothing else. */
    private static final Procedures PROCEDURES = new Procedures() {
        @Override
        public Optional<Signature> signature(String name) {
            return name.equals("grapholap.rank")
                    ? Optional.of(Signature.of(List.of(new Field("config", Type.MAP)),
                            List.of(new Field("id", Type.STRING), new Field("rank", Type.FLOAT))))
                    : Optional.empty();
        }

        @Override
        public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
            return List.of(Map.of("id", "a", "rank", 0.5));
        }
    };

    private static void check(String query) {
        QueryChecker.check(CypherSyntax.parse(query), PROCEDURES, Set.of("p"));
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            MATCH (a) RETURN b                                      => UndefinedVariable
            MATCH (a) RETURN DISTINCT a.x ORDER BY a.y              => UndefinedVariable
            MATCH (a) RETURN a, count(*) ORDER BY a.y + count(a)    => InvalidAggregation
            MATCH (a) WHERE count(a) > 1 RETURN a                   => InvalidAggregation
            RETURN [x IN [1] | count(*)]                            => InvalidAggregation
            RETURN count(count(*))                                  => NestedAggregation
            RETURN sum(rand())                                      => NonConstantExpression
            MATCH (a) RETURN a LIMIT a.n                            => NonConstantExpression
            RETURN 1 SKIP -1                                        => NegativeIntegerArgument
            RETURN 1 LIMIT 1.5                                      => InvalidArgumentType
            MATCH (a) RETURN type(a)                                => InvalidArgumentType
            MATCH ()-[r*]->() RETURN r.x                            => InvalidArgumentType
            WITH [1] AS l, 'x' AS i RETURN l[i]                     => InvalidArgumentType
            RETURN 1 IN 'abc'                                       => InvalidArgumentType
            RETURN NOT 1                                            => InvalidArgumentType
            MATCH (a) RETURN nope(a)                                => UnknownFunction
            MATCH (a) RETURN exists(a.x + 1)                        => InvalidArgumentExpression
            MATCH p = (a) WITH p MATCH p = (b) RETURN b             => VariableAlreadyBound
            WITH 1 AS x UNWIND [1] AS x RETURN x                    => VariableAlreadyBound
            WITH 1 AS id CALL grapholap.rank({}) YIELD id RETURN id => VariableAlreadyBound
            WITH [1] AS l MATCH (l) RETURN l                        => VariableTypeConflict
            MATCH (a)-[a]->() RETURN a                              => VariableTypeConflict
            MATCH (a)-[r]->()-[r]->(a) RETURN r                     => RelationshipUniquenessViolation
            MATCH (a $p) RETURN a                                   => InvalidParameterUse
            RETURN $q                                               => MissingParameter
            MATCH (a) WITH a.x RETURN 1                             => NoExpressionAlias
            RETURN 1 AS a, 2 AS a                                   => ColumnNameConflict
            MATCH () RETURN *                                       => NoVariablesInScope
            RETURN 1 AS a UNION RETURN 1 AS b                       => DifferentColumnsInUnion
            RETURN 1 AS a UNION RETURN 1 AS a UNION ALL RETURN 1 AS a => InvalidClauseComposition
            OPTIONAL MATCH (a) MATCH (b) RETURN b                   => InvalidClauseComposition
            MATCH (a) WITH a                                        => InvalidClauseComposition
            CALL grapholap.nope()                                   => ProcedureNotFound
            CALL grapholap.rank()                                   => InvalidNumberOfArguments
            CALL grapholap.rank(1)                                  => InvalidArgumentType
            CALL grapholap.rank                                     => MissingParameter
            MATCH (n) CALL grapholap.rank YIELD id RETURN id        => InvalidArgumentPassingMode
            MATCH (n) CALL grapholap.rank({x: count(n)}) YIELD id RETURN id => InvalidAggregation
            CALL grapholap.rank({}) YIELD score RETURN score        => UnknownProcedureOutput
            CALL grapholap.rank({}) RETURN id                       => UndefinedVariable
            """)
    void refuses(String query, String code) {
        assertThatThrownBy(() -> check(query))
                .isInstanceOfSatisfying(CypherSemanticException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "MATCH (a) RETURN a.x ORDER BY a.y",
        "MATCH (a) WITH DISTINCT a.x AS x WHERE a.x > 1 RETURN x",
        "MATCH (a) RETURN a.x, count(*) ORDER BY count(*) DESC, a.x",
        "MATCH (a) RETURN {name: a.name, n: count(*)} AS m",
        "MATCH (a)-[r*]->(b) RETURN [x IN r | x.w] AS ws, size(r) AS n",
        "MATCH (a) WHERE (a)-->(b) RETURN a",
        "MATCH (a) RETURN [p = (a)-->() | p] AS ps",
        "UNWIND $p AS x RETURN x LIMIT $p",
        "CALL grapholap.rank({}) YIELD id, rank AS r WHERE r > 0.1 RETURN id, r ORDER BY r DESC",
        "CALL grapholap.rank({damping: 0.85})",
        "CALL grapholap.rank({}) YIELD * RETURN *"
    })
    void accepts(String query) {
        assertThatCode(() -> check(query)).doesNotThrowAnyException();
    }

    @Test
    void errorsPointAtTheOffendingNameOrElseTheClause() {
        assertThatThrownBy(() -> check("MATCH (a)\nRETURN a.name,\n       missing.name"))
                .isInstanceOfSatisfying(CypherSemanticException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("`missing`").contains("line 3, column 8");
                });
        assertThatThrownBy(() -> check("MATCH (a)\nRETURN a LIMIT 1.5"))
                .isInstanceOfSatisfying(CypherSemanticException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void writesAreRefusedBeforeAnythingElse() {
        assertThatThrownBy(() -> check("MATCH (a) SET a.x = missing RETURN nope(a)"))
                .isInstanceOfSatisfying(ReadOnlyQueryException.class, e -> assertThat(e.clause()).isEqualTo("SET"));
    }

    @Test
    void errorsTheGraphWouldNeverReachAreFoundAnyway() {
        assertThatThrownBy(() -> CypherQueries.run(new MemoryGraph(), PROCEDURES, "MATCH (r) RETURN type(r)", Map.of(), RowBudget.of(10)))
                .isInstanceOfSatisfying(CypherSemanticException.class, e -> assertThat(e.code()).isEqualTo("InvalidArgumentType"));
    }
}
