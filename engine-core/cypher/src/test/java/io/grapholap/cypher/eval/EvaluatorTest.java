package io.grapholap.cypher.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.exec.MemoryGraph;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    /** Two nodes (:Person {name: 'Ann', age: 31}) and (:Person:Admin {name: 'Bob'}), one relationship (0)-[:KNOWS {since: 2020}]->(1). */
    static final CypherGraph GRAPH = MemoryGraph.of(
            "CREATE (:Person {name: 'Ann', age: 31})-[:KNOWS {since: 2020}]->(:Person:Admin {name: 'Bob'})");

    private static Object eval(String expression) {
        Clause.Return r = (Clause.Return) CypherSyntax.parse("RETURN " + expression).parts().get(0).clauses().get(0);
        Expression e = r.projection().items().get(0).expression();
        Map<String, Object> row = new HashMap<>();
        row.put("a", new Values.Node(0));
        row.put("b", new Values.Node(1));
        row.put("r", new Values.Relationship(0));
        row.put("p", new Values.Path(new long[] {0, 1}, new long[] {0}));
        row.put("n", null);
        Evaluator.PatternSource none = (pattern, bindings) -> List.of();
        return new Evaluator(GRAPH, Map.of("x", 5, "list", List.of(1, 2)), none).eval(e, row);
    }

    /** {@code expected} is itself a Cypher expression of literals, evaluated the same way, or NULL. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            1 + 2 * 3                               => 7
            7 / 2                                   => 3
            7 / 2.0                                 => 3.5
            -7 % 3                                  => -1
            2 ^ 3 ^ 2                               => 64.0
            'a' + 1 + true                          => 'a1true'
            [1] + 2 + [3]                           => [1, 2, 3]
            1 = 1.0                                 => true
            [1, null] = [1, 2]                      => NULL
            [1, null] = [2, 2]                      => false
            null = null                             => NULL
            1 < 'a'                                 => NULL
            1 < 2 < 3                               => true
            0.0 / 0.0 = 0.0 / 0.0                   => false
            true AND null                           => NULL
            false AND null                          => false
            true OR null                            => true
            true XOR null                           => NULL
            NOT null                                => NULL
            2 IN [1, 2]                             => true
            3 IN [1, null]                          => NULL
            null IN []                              => false
            'abc' STARTS WITH 'ab'                  => true
            'abc' CONTAINS null                     => NULL
            'abc' =~ 'a.c'                          => true
            [1, 2, 3][-1]                           => 3
            [1, 2, 3][1..]                          => [2, 3]
            [1, 2, 3][..-1]                         => [1, 2]
            {k: 1}['k']                             => 1
            CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END => 'two'
            CASE WHEN false THEN 1 ELSE 2 END       => 2
            [x IN range(1, 5) WHERE x % 2 = 1 | x * 10] => [10, 30, 50]
            all(x IN [1, 2] WHERE x > 0)            => true
            any(x IN [1, null] WHERE x > 1)         => NULL
            single(x IN [1, 2] WHERE x > 1)         => true
            none(x IN [] WHERE x > 1)               => true
            a.name + ' ' + a.age                    => 'Ann 31'
            a:Person                                => true
            a:Admin                                 => false
            b:Person:Admin                          => true
            id(a)                                   => 'n0'
            labels(b)                               => ['Person', 'Admin']
            type(r)                                 => 'KNOWS'
            r.since                                 => 2020
            properties(a)                           => {name: 'Ann', age: 31}
            keys(b)                                 => ['name']
            size('héllo')                           => 5
            length(p)                               => 1
            id(nodes(p)[1])                         => 'n1'
            id(endNode(r))                          => 'n1'
            coalesce(n, a.missing, 3)               => 3
            n.name                                  => NULL
            head([]) IS NULL                        => true
            tail([1, 2, 3])                         => [2, 3]
            range(10, 0, -5)                        => [10, 5, 0]
            toInteger('42')                         => 42
            toInteger(3.9)                          => 3
            toInteger('x')                          => NULL
            toFloat('1.5')                          => 1.5
            toString(2.0)                           => '2.0'
            toBoolean('TRUE')                       => true
            abs(-3)                                 => 3
            round(2.5)                              => 3.0
            sign(-0.5)                              => -1
            substring('hello', 1, 3)                => 'ell'
            left('hello', 2) + right('hello', 2)    => 'helo'
            toUpper(trim('  ab '))                  => 'AB'
            split('a,b,,c', ',')                    => ['a', 'b', '', 'c']
            reverse([1, 2])                         => [2, 1]
            replace('aXbX', 'X', '-')               => 'a-b-'
            $x * 2                                  => 10
            size($list)                             => 2
            exists(a.name)                          => true
            """)
    void evaluates(String expression, String expected) {
        Object want = expected.equals("NULL") ? null : eval(expected);
        Object got = eval(expression);
        assertThat(Semantics.equivalent(got, want)).as("%s gave %s (%s)", expression, got, Values.typeName(got)).isTrue();
        if (want != null) {
            Class<?> kind = want instanceof List ? List.class : want instanceof Map ? Map.class : want.getClass();
            assertThat(got).as("type of " + expression).isInstanceOf(kind);
        }
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            9223372036854775807 + 1         => NumberOutOfRange
            1 / 0                           => DivisionByZero
            1 - 'a'                         => InvalidArgumentType
            [1][1.5]                        => ListElementAccessByNonInteger
            {a: 1}[1]                       => MapElementAccessByNonString
            (1).name                        => PropertyAccessOnNonMap
            $missing                        => MissingParameter
            nope(1)                         => UnknownFunction
            size(1)                         => InvalidArgumentType
            left('a', -1)                   => NegativeIntegerArgument
            count(1)                        => InvalidAggregation
            undefinedVariable               => UndefinedVariable
            'a' =~ '('                      => InvalidArgumentValue
            """)
    void fails(String expression, String code) {
        assertThatThrownBy(() -> eval(expression))
                .isInstanceOfSatisfying(CypherRuntimeException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    @Test
    void orderByPutsTypesInOpenCypherOrderAndNullLast() {
        List<Object> values = Arrays.asList(null, 2L, "b", true, List.of(1L), Map.of(), 1.5, Double.NaN, "a", false);
        values.sort(Semantics.ORDER);
        assertThat(values).containsExactly(Map.of(), List.of(1L), "a", "b", false, true, 1.5, 2L, Double.NaN, null);
    }

    @Test
    void equivalenceGroupsNullsNaNsAndEqualNumbers() {
        assertThat(new Semantics.Key(1L)).isEqualTo(new Semantics.Key(1.0));
        assertThat(new Semantics.Key(1L).hashCode()).isEqualTo(new Semantics.Key(1.0).hashCode());
        assertThat(new Semantics.Key(Double.NaN)).isEqualTo(new Semantics.Key(Double.NaN));
        assertThat(new Semantics.Key(null)).isEqualTo(new Semantics.Key(null));
        assertThat(new Semantics.Key(List.of(1L, "a"))).isEqualTo(new Semantics.Key(List.of(1.0, "a")));
        assertThat(new Semantics.Key("1")).isNotEqualTo(new Semantics.Key(1L));
    }
}
