package io.grapholap.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.Binary;
import io.grapholap.cypher.ast.Expression.BinaryOperator;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.Projection;
import io.grapholap.cypher.ast.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class CypherSyntaxTest {

    private static List<Clause> clauses(String text) {
        Query q = CypherSyntax.parse(text);
        assertThat(q.parts()).hasSize(1);
        return q.parts().get(0).clauses();
    }

    @Test
    void aMatchWithPatternWhereAndProjection() {
        List<Clause> clauses = clauses("""
                MATCH p = (a:Person {name: $name})-[r:KNOWS|:LIKES*1..3]->(b), (b)<--(c)
                WHERE a.age > 30 AND b.name STARTS WITH 'A'
                RETURN DISTINCT a.name, count(*) AS n ORDER BY n DESC SKIP 1 LIMIT 10""");

        Clause.Match match = (Clause.Match) clauses.get(0);
        assertThat(match.optional()).isFalse();
        PatternPart first = match.pattern().get(0);
        assertThat(first.variable()).isEqualTo("p");
        assertThat(first.start().labels()).containsExactly("Person");
        assertThat(first.start().properties()).isEqualTo(new Expression.MapLiteral(List.of("name"), List.of(new Expression.Parameter("name"))));
        PatternPart.RelationshipPattern r = first.steps().get(0).relationship();
        assertThat(r.variable()).isEqualTo("r");
        assertThat(r.types()).containsExactly("KNOWS", "LIKES");
        assertThat(r.direction()).isEqualTo(PatternPart.Direction.OUTGOING);
        assertThat(r.length()).isEqualTo(new PatternPart.Length(1L, 3L));
        assertThat(match.pattern().get(1).steps().get(0).relationship().direction()).isEqualTo(PatternPart.Direction.INCOMING);
        Binary where = (Binary) match.where();
        assertThat(where.operator()).isEqualTo(BinaryOperator.AND);
        assertThat(((Binary) where.right()).operator()).isEqualTo(BinaryOperator.STARTS_WITH);

        Projection ret = ((Clause.Return) clauses.get(1)).projection();
        assertThat(ret.distinct()).isTrue();
        assertThat(ret.items()).extracting(Projection.ProjectionItem::name).containsExactly("a.name", "n");
        assertThat(ret.items().get(1).expression()).isEqualTo(new Expression.CountStar());
        assertThat(ret.orderBy().get(0).descending()).isTrue();
        assertThat(ret.skip()).isEqualTo(new Expression.Literal(1L));
        assertThat(ret.limit()).isEqualTo(new Expression.Literal(10L));
    }

    @Test
    void unnamedColumnsKeepTheTextAsWritten() {
        Projection p = ((Clause.Return) clauses("RETURN 1 + 2,  a.b['c'] ,size( [1, 2] )").get(0)).projection();
        assertThat(p.items()).extracting(Projection.ProjectionItem::name).containsExactly("1 + 2", "a.b['c']", "size( [1, 2] )");
    }

    @Test
    void variableLengthBounds() {
        assertThat(length("()-[*]->()")).isEqualTo(new PatternPart.Length(null, null));
        assertThat(length("()-[*2]->()")).isEqualTo(new PatternPart.Length(2L, 2L));
        assertThat(length("()-[*2..]->()")).isEqualTo(new PatternPart.Length(2L, null));
        assertThat(length("()-[*..4]->()")).isEqualTo(new PatternPart.Length(null, 4L));
        assertThat(length("()-[]-()")).isNull();
    }

    private static PatternPart.Length length(String pattern) {
        Clause.Match m = (Clause.Match) clauses("MATCH " + pattern + " RETURN 1").get(0);
        return m.pattern().get(0).steps().get(0).relationship().length();
    }

    @Test
    void literals() {
        Projection p = ((Clause.Return) clauses(
                "RETURN -9223372036854775808, 0x1F, 0o17, 017, 1.5e3, .5, 'it\\'s\\n\\u00e9', \"q\", true, null, [1, 'a'], {`a b`: 1}")
                .get(0)).projection();
        assertThat(p.items()).extracting(Projection.ProjectionItem::expression).containsExactly(
                new Expression.Literal(Long.MIN_VALUE), new Expression.Literal(31L), new Expression.Literal(15L),
                new Expression.Literal(15L), new Expression.Literal(1500.0), new Expression.Literal(0.5),
                new Expression.Literal("it's\né"), new Expression.Literal("q"), new Expression.Literal(true), new Expression.Literal(null),
                new Expression.ListLiteral(List.of(new Expression.Literal(1L), new Expression.Literal("a"))),
                new Expression.MapLiteral(List.of("a b"), List.of(new Expression.Literal(1L))));
    }

    @Test
    void chainedComparisonsAreConjunctions() {
        Expression e = ((Clause.Return) clauses("RETURN 1 < 2 <= 3").get(0)).projection().items().get(0).expression();
        assertThat(e).isEqualTo(new Binary(BinaryOperator.AND,
                new Binary(BinaryOperator.LT, new Expression.Literal(1L), new Expression.Literal(2L)),
                new Binary(BinaryOperator.LTE, new Expression.Literal(2L), new Expression.Literal(3L))));
    }

    @Test
    void unionsCallsAndWritesAreKept() {
        Query q = CypherSyntax.parse("CALL grapholap.pagerank({iterations: 5}) YIELD id, rank AS r WHERE r > 0.1 RETURN id "
                + "UNION ALL MATCH (n) RETURN n.id AS id UNION MATCH (m) RETURN m.id AS id");
        assertThat(q.parts()).hasSize(3);
        assertThat(q.unionAll()).containsExactly(true, false);
        Clause.Call call = (Clause.Call) q.parts().get(0).clauses().get(0);
        assertThat(call.procedureName()).isEqualTo("grapholap.pagerank");
        assertThat(call.yields()).extracting(i -> i.field() + "->" + i.variable()).containsExactly("id->id", "rank->r");
        assertThat(call.where()).isNotNull();

        assertThat(clauses("MATCH (n) DETACH DELETE n").get(1)).isEqualTo(new Clause.Delete(
                new io.grapholap.cypher.ast.Position(1, 11, 10), true, List.of(new Expression.Variable("n", null))));
        assertThat(clauses("match (n) set n.x = 1").get(1).keyword()).isEqualTo("SET");
        assertThat(((Clause.Create) clauses("CREATE (a:A {x: 1})-[:T]->(b)").get(0)).pattern().get(0).steps()).hasSize(1);
    }

    @Test
    void syntaxErrorsNameTheirPositionAndToken() {
        assertThatThrownBy(() -> CypherSyntax.parse("MATCH (n)\nRETURN n ORDER n"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(16);
                    assertThat(e.token()).isEqualTo("n");
                    assertThat(e.detail()).isEqualTo("UnexpectedSyntax");
                    assertThat(e.getMessage()).contains("unexpected 'n'").contains("line 2, column 16");
                });
        assertThatThrownBy(() -> CypherSyntax.parse("MATCH (n) RETURN"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.getMessage()).contains("ends too early"));
        assertThatThrownBy(() -> CypherSyntax.parse("RETURN 9223372036854775808"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.detail()).isEqualTo("IntegerOverflow"));
        assertThatThrownBy(() -> CypherSyntax.parse("RETURN 0x23G4"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> {
                    assertThat(e.detail()).isEqualTo("InvalidNumberLiteral");
                    assertThat(e.token()).isEqualTo("0x23G4");
                });
        assertThatThrownBy(() -> CypherSyntax.parse("RETURN 'a\\u00e'"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.detail()).isEqualTo("InvalidUnicodeLiteral"));
        assertThatThrownBy(() -> CypherSyntax.parse("RETURN 'a\\q'"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.getMessage()).contains("unknown escape \\q"));
        assertThatThrownBy(() -> CypherSyntax.parse("MATCH (a)-[:T..2]->(b) RETURN b"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.detail()).isEqualTo("InvalidRelationshipPattern"));
        assertThatThrownBy(() -> CypherSyntax.parse("MATCH (a)-[:T*-2]->(b) RETURN b"))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.detail()).isEqualTo("InvalidRelationshipPattern"));
        assertThatThrownBy(() -> CypherSyntax.parse(" "))
                .isInstanceOfSatisfying(CypherSyntaxException.class, e -> assertThat(e.getMessage()).contains("empty"));
    }
}
