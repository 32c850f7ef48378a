package io.grapholap.cypher;

import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.BinaryOperator;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.PatternPart.Direction;
import io.grapholap.cypher.ast.PatternPart.NodePattern;
import io.grapholap.cypher.ast.PatternPart.RelationshipPattern;
import io.grapholap.cypher.ast.Position;
import io.grapholap.cypher.ast.Projection;
import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.ast.SingleQuery;
import io.grapholap.cypher.ast.YieldItem;
import io.grapholap.cypher.parse.CypherParser;
import io.grapholap.cypher.parse.CypherParser.AtomContext;
import io.grapholap.cypher.parse.CypherParser.ExpressionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the syntax tree from ANTLR's parse tree; literal errors (overflow, bad escapes) are found here. */
final class TreeBuilder {

    Query query(CypherParser.QueryContext ctx) {
        List<SingleQuery> parts = new ArrayList<>();
        List<Boolean> all = new ArrayList<>();
        parts.add(singleQuery(ctx.singleQuery()));
        for (CypherParser.UnionPartContext union : ctx.unionPart()) {
            all.add(union.ALL() != null);
            parts.add(singleQuery(union.singleQuery()));
        }
        return new Query(parts, all);
    }

    private SingleQuery singleQuery(CypherParser.SingleQueryContext ctx) {
        return new SingleQuery(ctx.clause().stream().map(this::clause).toList());
    }

    private Clause clause(CypherParser.ClauseContext ctx) {
        Position at = position(ctx.getStart());
        if (ctx.matchClause() != null) {
            CypherParser.MatchClauseContext m = ctx.matchClause();
            return new Clause.Match(at, m.OPTIONAL() != null, pattern(m.pattern()), where(m.whereClause()));
        }
        if (ctx.unwindClause() != null) {
            return new Clause.Unwind(at, expression(ctx.unwindClause().expression()), name(ctx.unwindClause().variable()));
        }
        if (ctx.withClause() != null) {
            return new Clause.With(at, projection(ctx.withClause().projectionBody()), where(ctx.withClause().whereClause()));
        }
        if (ctx.returnClause() != null) {
            return new Clause.Return(at, projection(ctx.returnClause().projectionBody()));
        }
        if (ctx.callClause() != null) {
            return call(at, ctx.callClause());
        }
        if (ctx.createClause() != null) {
            return new Clause.Create(at, pattern(ctx.createClause().pattern()));
        }
        if (ctx.deleteClause() != null) {
            CypherParser.DeleteClauseContext d = ctx.deleteClause();
            return new Clause.Delete(at, d.DETACH() != null, d.expression().stream().map(this::expression).toList());
        }
        String keyword = ctx.getStart().getText().toUpperCase(Locale.ROOT);
        if (ctx.loadCsvClause() != null) {
            keyword = "LOAD CSV";
        }
        return new Clause.Write(at, keyword);
    }

    private Clause.Call call(Position at, CypherParser.CallClauseContext ctx) {
        List<String> procedure = ctx.procedureName().symbolicName().stream().map(this::name).toList();
        List<Expression> arguments = ctx.LPAREN() == null ? null : ctx.expression().stream().map(this::expression).toList();
        boolean yieldAll = false;
        List<YieldItem> yields = null;
        Expression where = null;
        if (ctx.yieldItems() != null) {
            CypherParser.YieldItemsContext y = ctx.yieldItems();
            yieldAll = y.STAR() != null;
            yields = new ArrayList<>();
            for (CypherParser.YieldItemContext item : y.yieldItem()) {
                String variable = name(item.variable());
                yields.add(new YieldItem(item.symbolicName() == null ? variable : name(item.symbolicName()), variable));
            }
            where = where(y.whereClause());
        }
        return new Clause.Call(at, procedure, arguments, yieldAll, yields, where);
    }

    private Projection projection(CypherParser.ProjectionBodyContext ctx) {
        CypherParser.ProjectionItemsContext items = ctx.projectionItems();
        List<Projection.ProjectionItem> projected = new ArrayList<>();
        for (CypherParser.ProjectionItemContext item : items.projectionItem()) {
            Expression e = expression(item.expression());
            projected.add(item.variable() != null
                    ? new Projection.ProjectionItem(e, name(item.variable()), true)
                    : new Projection.ProjectionItem(e, source(item.expression()), false));
        }
        List<Projection.SortItem> order = new ArrayList<>();
        if (ctx.orderBy() != null) {
            for (CypherParser.SortItemContext s : ctx.orderBy().sortItem()) {
                order.add(new Projection.SortItem(expression(s.expression()), s.DESC() != null || s.DESCENDING() != null));
            }
        }
        return new Projection(ctx.DISTINCT() != null, items.STAR() != null, projected, order,
                ctx.skip() == null ? null : expression(ctx.skip().expression()),
                ctx.limit() == null ? null : expression(ctx.limit().expression()));
    }

    private Expression where(CypherParser.WhereClauseContext ctx) {
        return ctx == null ? null : expression(ctx.expression());
    }

    // ---- patterns

    private List<PatternPart> pattern(CypherParser.PatternContext ctx) {
        return ctx.patternPart().stream().map(this::patternPart).toList();
    }

    private PatternPart patternPart(CypherParser.PatternPartContext ctx) {
        PatternPart element = patternElement(ctx.patternElement());
        return ctx.variable() == null ? element : new PatternPart(name(ctx.variable()), element.start(), element.steps());
    }

    private PatternPart patternElement(CypherParser.PatternElementContext ctx) {
        if (ctx.patternElement() != null) {
            return patternElement(ctx.patternElement());
        }
        return new PatternPart(null, node(ctx.nodePattern()), ctx.patternElementChain().stream().map(this::step).toList());
    }

    private PatternPart.Step step(CypherParser.PatternElementChainContext ctx) {
        return new PatternPart.Step(relationship(ctx.relationshipPattern()), node(ctx.nodePattern()));
    }

    private NodePattern node(CypherParser.NodePatternContext ctx) {
        return new NodePattern(ctx.variable() == null ? null : name(ctx.variable()), labels(ctx.nodeLabels()),
                ctx.properties() == null ? null : properties(ctx.properties()));
    }

    private List<String> labels(CypherParser.NodeLabelsContext ctx) {
        return ctx == null ? List.of() : ctx.labelName().stream().map(l -> schemaName(l.schemaName())).toList();
    }

    private RelationshipPattern relationship(CypherParser.RelationshipPatternContext ctx) {
        boolean left = ctx.LT() != null;
        boolean right = ctx.GT() != null;
        Direction direction = left == right ? Direction.EITHER : right ? Direction.OUTGOING : Direction.INCOMING;
        CypherParser.RelationshipDetailContext d = ctx.relationshipDetail();
        if (d == null) {
            return new RelationshipPattern(null, direction, List.of(), null, null);
        }
        List<String> types = d.relationshipTypes() == null ? List.of()
                : d.relationshipTypes().relTypeName().stream().map(t -> schemaName(t.schemaName())).toList();
        PatternPart.Length length = null;
        if (d.rangeLiteral() != null) {
            length = length(d.rangeLiteral());
        }
        return new RelationshipPattern(d.variable() == null ? null : name(d.variable()), direction, types, length,
                d.properties() == null ? null : properties(d.properties()));
    }

    private PatternPart.Length length(CypherParser.RangeLiteralContext r) {
        if (r.STAR() == null) {
            throw error(r.getStart(), "a variable-length relationship needs '*' before its bounds ('*1..3')", "InvalidRelationshipPattern");
        }
        List<CypherParser.RangeBoundContext> bounds = r.rangeBound();
        for (CypherParser.RangeBoundContext b : bounds) {
            if (b.MINUS() != null) {
                throw error(b.getStart(), "the bounds of a variable-length relationship cannot be negative", "InvalidRelationshipPattern");
            }
        }
        if (r.DOTDOT() == null) {
            Long exact = bounds.isEmpty() ? null : integer(bounds.get(0).integerLiteral(), false);
            return new PatternPart.Length(exact, exact);
        }
        // "*..5" has its one bound after the dots, "*2.." before them
        boolean firstIsMin = !bounds.isEmpty() && bounds.get(0).getStart().getTokenIndex() < r.DOTDOT().getSymbol().getTokenIndex();
        Long min = firstIsMin ? integer(bounds.get(0).integerLiteral(), false) : null;
        CypherParser.RangeBoundContext upper = bounds.size() == 2 ? bounds.get(1) : !firstIsMin && bounds.size() == 1 ? bounds.get(0) : null;
        return new PatternPart.Length(min, upper == null ? null : integer(upper.integerLiteral(), false));
    }

    private Expression properties(CypherParser.PropertiesContext ctx) {
        return ctx.mapLiteral() != null ? map(ctx.mapLiteral()) : parameter(ctx.parameter());
    }

    // ---- expressions

    Expression expression(ExpressionContext ctx) {
        return or(ctx.orExpression());
    }

    private Expression or(CypherParser.OrExpressionContext ctx) {
        Expression e = xor(ctx.xorExpression(0));
        for (int i = 1; i < ctx.xorExpression().size(); i++) {
            e = new Expression.Binary(BinaryOperator.OR, e, xor(ctx.xorExpression(i)));
        }
        return e;
    }

    private Expression xor(CypherParser.XorExpressionContext ctx) {
        Expression e = and(ctx.andExpression(0));
        for (int i = 1; i < ctx.andExpression().size(); i++) {
            e = new Expression.Binary(BinaryOperator.XOR, e, and(ctx.andExpression(i)));
        }
        return e;
    }

    private Expression and(CypherParser.AndExpressionContext ctx) {
        Expression e = not(ctx.notExpression(0));
        for (int i = 1; i < ctx.notExpression().size(); i++) {
            e = new Expression.Binary(BinaryOperator.AND, e, not(ctx.notExpression(i)));
        }
        return e;
    }

    private Expression not(CypherParser.NotExpressionContext ctx) {
        Expression e = comparison(ctx.comparisonExpression());
        for (int i = 0; i < ctx.NOT().size(); i++) {
            e = new Expression.Not(e);
        }
        return e;
    }

    /** {@code a < b <= c} means {@code a < b AND b <= c}. */
    private Expression comparison(CypherParser.ComparisonExpressionContext ctx) {
        List<CypherParser.AddOrSubtractExpressionContext> operands = ctx.addOrSubtractExpression();
        Expression left = additive(operands.get(0));
        Expression result = null;
        for (int i = 1; i < operands.size(); i++) {
            Expression right = additive(operands.get(i));
            Expression c = new Expression.Binary(comparisonOperator(ctx.comparisonOperator(i - 1)), left, right);
            result = result == null ? c : new Expression.Binary(BinaryOperator.AND, result, c);
            left = right;
        }
        return result == null ? left : result;
    }

    private static BinaryOperator comparisonOperator(CypherParser.ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case CypherParser.EQ -> BinaryOperator.EQ;
            case CypherParser.NEQ -> BinaryOperator.NEQ;
            case CypherParser.LT -> BinaryOperator.LT;
            case CypherParser.GT -> BinaryOperator.GT;
            case CypherParser.LTE -> BinaryOperator.LTE;
            case CypherParser.GTE -> BinaryOperator.GTE;
            default -> BinaryOperator.REGEX_MATCH;
        };
    }

    private Expression additive(CypherParser.AddOrSubtractExpressionContext ctx) {
        List<CypherParser.MultiplyDivideModuloExpressionContext> operands = ctx.multiplyDivideModuloExpression();
        Expression e = multiplicative(operands.get(0));
        int operand = 1;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode op) {
                BinaryOperator o = op.getSymbol().getType() == CypherParser.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
                e = new Expression.Binary(o, e, multiplicative(operands.get(operand++)));
            }
        }
        return e;
    }

    private Expression multiplicative(CypherParser.MultiplyDivideModuloExpressionContext ctx) {
        List<CypherParser.PowerOfExpressionContext> operands = ctx.powerOfExpression();
        Expression e = power(operands.get(0));
        int operand = 1;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode op) {
                BinaryOperator o = switch (op.getSymbol().getType()) {
                    case CypherParser.STAR -> BinaryOperator.MULTIPLY;
                    case CypherParser.SLASH -> BinaryOperator.DIVIDE;
                    default -> BinaryOperator.MODULO;
                };
                e = new Expression.Binary(o, e, power(operands.get(operand++)));
            }
        }
        return e;
    }

    /** {@code ^} associates to the left in openCypher: {@code 2^3^2} is {@code (2^3)^2}. */
    private Expression power(CypherParser.PowerOfExpressionContext ctx) {
        Expression e = unary(ctx.unaryAddOrSubtractExpression(0));
        for (int i = 1; i < ctx.unaryAddOrSubtractExpression().size(); i++) {
            e = new Expression.Binary(BinaryOperator.POWER, e, unary(ctx.unaryAddOrSubtractExpression(i)));
        }
        return e;
    }

    private Expression unary(CypherParser.UnaryAddOrSubtractExpressionContext ctx) {
        List<TerminalNode> signs = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode sign) {
                signs.add(sign);
            }
        }
        CypherParser.StringListNullOperatorExpressionContext operand = ctx.stringListNullOperatorExpression();
        Expression e;
        // A minus right before an integer literal is part of it, so that -9223372036854775808 is a literal.
        CypherParser.IntegerLiteralContext literal = bareIntegerLiteral(operand);
        if (literal != null && !signs.isEmpty() && signs.get(signs.size() - 1).getSymbol().getType() == CypherParser.MINUS) {
            e = new Expression.Literal(integer(literal, true));
            signs = signs.subList(0, signs.size() - 1);
        } else {
            e = postfix(operand);
        }
        for (int i = signs.size() - 1; i >= 0; i--) {
            if (signs.get(i).getSymbol().getType() == CypherParser.MINUS) {
                e = new Expression.Negate(e);
            }
        }
        return e;
    }

    private static CypherParser.IntegerLiteralContext bareIntegerLiteral(CypherParser.StringListNullOperatorExpressionContext ctx) {
        if (!ctx.postfixOperator().isEmpty()) {
            return null;
        }
        CypherParser.PropertyOrLabelsExpressionContext p = ctx.propertyOrLabelsExpression();
        if (!p.propertyLookup().isEmpty() || p.nodeLabels() != null || !(p.atom() instanceof CypherParser.LiteralAtomContext a)) {
            return null;
        }
        return a.literal() instanceof CypherParser.NumberContext n ? n.numberLiteral().integerLiteral() : null;
    }

    private Expression postfix(CypherParser.StringListNullOperatorExpressionContext ctx) {
        Expression e = propertyOrLabels(ctx.propertyOrLabelsExpression());
        for (CypherParser.PostfixOperatorContext op : ctx.postfixOperator()) {
            e = switch (op) {
                case CypherParser.StartsWithContext s -> new Expression.Binary(BinaryOperator.STARTS_WITH, e, propertyOrLabels(s.propertyOrLabelsExpression()));
                case CypherParser.EndsWithContext s -> new Expression.Binary(BinaryOperator.ENDS_WITH, e, propertyOrLabels(s.propertyOrLabelsExpression()));
                case CypherParser.ContainsContext s -> new Expression.Binary(BinaryOperator.CONTAINS, e, propertyOrLabels(s.propertyOrLabelsExpression()));
                case CypherParser.InListContext s -> new Expression.Binary(BinaryOperator.IN, e, propertyOrLabels(s.propertyOrLabelsExpression()));
                case CypherParser.SubscriptContext s -> afterIn(e, x -> new Expression.Subscript(x, expression(s.expression())));
                case CypherParser.SliceContext s -> afterIn(e, x -> new Expression.Slice(x, s.from == null ? null : expression(s.from),
                        s.to == null ? null : expression(s.to)));
                case CypherParser.IsNullContext s -> new Expression.IsNull(e, false);
                case CypherParser.IsNotNullContext s -> new Expression.IsNull(e, true);
                default -> throw new IllegalStateException("unknown postfix operator " + op.getText());
            };
        }
        return e;
    }

    /** {@code x IN list[0]} indexes the list, not the result of IN. */
    private static Expression afterIn(Expression e, java.util.function.UnaryOperator<Expression> postfix) {
        if (e instanceof Expression.Binary b && b.operator() == BinaryOperator.IN) {
            return new Expression.Binary(BinaryOperator.IN, b.left(), postfix.apply(b.right()));
        }
        return postfix.apply(e);
    }

    private Expression propertyOrLabels(CypherParser.PropertyOrLabelsExpressionContext ctx) {
        Expression e = atom(ctx.atom());
        for (CypherParser.PropertyLookupContext lookup : ctx.propertyLookup()) {
            e = new Expression.Property(e, schemaName(lookup.propertyKeyName().schemaName()));
        }
        if (ctx.nodeLabels() != null) {
            e = new Expression.HasLabels(e, labels(ctx.nodeLabels()));
        }
        return e;
    }

    private Expression atom(AtomContext ctx) {
        return switch (ctx) {
            case CypherParser.LiteralAtomContext a -> literal(a.literal());
            case CypherParser.ParameterAtomContext a -> parameter(a.parameter());
            case CypherParser.CaseAtomContext a -> caseExpression(a.caseExpression());
            case CypherParser.CountStarContext a -> new Expression.CountStar();
            case CypherParser.ListComprehensionAtomContext a -> {
                CypherParser.ListComprehensionContext c = a.listComprehension();
                CypherParser.FilterExpressionContext f = c.filterExpression();
                yield new Expression.ListComprehension(name(f.variable()), expression(f.expression()), where(f.whereClause()),
                        c.expression() == null ? null : expression(c.expression()));
            }
            case CypherParser.PatternComprehensionAtomContext a -> {
                CypherParser.PatternComprehensionContext c = a.patternComprehension();
                PatternPart p = relationships(c.relationshipsPattern());
                if (c.variable() != null) {
                    p = new PatternPart(name(c.variable()), p.start(), p.steps());
                }
                List<ExpressionContext> es = c.expression();
                yield new Expression.PatternComprehension(p, es.size() == 2 ? expression(es.get(0)) : null, expression(es.get(es.size() - 1)));
            }
            case CypherParser.QuantifierAtomContext a -> {
                CypherParser.FilterExpressionContext f = a.filterExpression();
                Expression.Quantifier q = Expression.Quantifier.valueOf(a.quantifier().getText().toUpperCase(Locale.ROOT));
                yield new Expression.Quantified(q, name(f.variable()), expression(f.expression()), where(f.whereClause()));
            }
            case CypherParser.PatternPredicateContext a -> new Expression.PatternPredicate(relationships(a.relationshipsPattern()));
            case CypherParser.ParenthesizedContext a -> expression(a.expression());
            case CypherParser.FunctionAtomContext a -> {
                CypherParser.FunctionInvocationContext f = a.functionInvocation();
                yield new Expression.FunctionCall(f.functionName().symbolicName().stream().map(this::name).toList(), f.DISTINCT() != null,
                        f.expression().stream().map(this::expression).toList(), position(f.getStart()));
            }
            case CypherParser.VariableAtomContext a -> new Expression.Variable(name(a.variable()), position(a.getStart()));
            default -> throw new IllegalStateException("unknown atom " + ctx.getText());
        };
    }

    private PatternPart relationships(CypherParser.RelationshipsPatternContext ctx) {
        return new PatternPart(null, node(ctx.nodePattern()), ctx.patternElementChain().stream().map(this::step).toList());
    }

    private Expression caseExpression(CypherParser.CaseExpressionContext ctx) {
        List<Expression> whens = new ArrayList<>();
        List<Expression> thens = new ArrayList<>();
        for (CypherParser.CaseAlternativeContext alternative : ctx.caseAlternative()) {
            whens.add(expression(alternative.when));
            thens.add(expression(alternative.then));
        }
        return new Expression.Case(ctx.subject == null ? null : expression(ctx.subject), whens, thens,
                ctx.otherwise == null ? null : expression(ctx.otherwise));
    }

    private Expression parameter(CypherParser.ParameterContext ctx) {
        return new Expression.Parameter(ctx.schemaName() != null ? schemaName(ctx.schemaName()) : ctx.DecimalInteger().getText());
    }

    private Expression literal(CypherParser.LiteralContext ctx) {
        return switch (ctx) {
            case CypherParser.NumberContext n -> n.numberLiteral().integerLiteral() != null
                    ? new Expression.Literal(integer(n.numberLiteral().integerLiteral(), false))
                    : new Expression.Literal(real(n.numberLiteral().doubleLiteral()));
            case CypherParser.StringContext s -> new Expression.Literal(string(s.StringLiteral().getSymbol()));
            case CypherParser.TrueContext t -> new Expression.Literal(Boolean.TRUE);
            case CypherParser.FalseContext f -> new Expression.Literal(Boolean.FALSE);
            case CypherParser.NullContext n -> new Expression.Literal(null);
            case CypherParser.MapContext m -> map(m.mapLiteral());
            case CypherParser.ListContext l -> new Expression.ListLiteral(l.listLiteral().expression().stream().map(this::expression).toList());
            default -> throw new IllegalStateException("unknown literal " + ctx.getText());
        };
    }

    private Expression.MapLiteral map(CypherParser.MapLiteralContext ctx) {
        return new Expression.MapLiteral(ctx.propertyKeyName().stream().map(k -> schemaName(k.schemaName())).toList(),
                ctx.expression().stream().map(this::expression).toList());
    }

    // ---- literals and names

    private Long integer(CypherParser.IntegerLiteralContext ctx, boolean negative) {
        String digits = ctx.getText();
        int radix = 10;
        if (ctx.HexInteger() != null) {
            radix = 16;
            digits = digits.substring(2);
        } else if (ctx.OctalInteger() != null) {
            radix = 8;
            digits = digits.startsWith("0o") || digits.startsWith("0O") ? digits.substring(2) : digits.substring(1);
        }
        try {
            return Long.parseLong((negative ? "-" : "") + digits, radix);
        } catch (NumberFormatException e) {
            throw error(ctx.getStart(), "integer literal " + (negative ? "-" : "") + ctx.getText() + " is too large", "IntegerOverflow");
        }
    }

    private Double real(CypherParser.DoubleLiteralContext ctx) {
        double d = Double.parseDouble(ctx.getText());
        if (Double.isInfinite(d)) {
            throw error(ctx.getStart(), "float literal " + ctx.getText() + " is too large", "FloatingPointOverflow");
        }
        return d;
    }

    private String string(Token token) {
        String raw = token.getText();
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u', 'U' -> {
                    int length = e == 'u' ? 4 : 8;
                    String digits = raw.substring(i + 1, Math.min(raw.length() - 1, i + 1 + length));
                    if (digits.length() < length || !digits.chars().allMatch(x -> Character.digit(x, 16) >= 0)) {
                        throw error(token, "invalid unicode escape \\" + e + digits + ": it needs " + length + " hexadecimal digits",
                                "InvalidUnicodeLiteral");
                    }
                    int codePoint = (int) Long.parseLong(digits, 16);
                    if (!Character.isValidCodePoint(codePoint)) {
                        throw error(token, "invalid unicode escape \\" + e + digits, "InvalidUnicodeLiteral");
                    }
                    sb.appendCodePoint(codePoint);
                    i += length;
                }
                case '\\', '\'', '"' -> sb.append(e);
                default -> throw error(token, "unknown escape \\" + e + " in a string (known: \\b \\f \\n \\r \\t \\uXXXX \\\\ \\' \\\")",
                        "UnexpectedSyntax");
            }
        }
        return sb.toString();
    }

    private String name(CypherParser.VariableContext ctx) {
        return name(ctx.symbolicName());
    }

    private String name(CypherParser.SymbolicNameContext ctx) {
        String raw = ctx.getText();
        if (ctx.EscapedSymbolicName() != null) {
            return raw.substring(1, raw.length() - 1).replace("``", "`");
        }
        return raw;
    }

    private String schemaName(CypherParser.SchemaNameContext ctx) {
        return ctx.symbolicName() != null ? name(ctx.symbolicName()) : ctx.getText();
    }

    /** The expression as the user wrote it: a column name. */
    private String source(ParserRuleContext ctx) {
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    private static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1, token.getStartIndex());
    }

    private static CypherSyntaxException error(Token token, String message, String detail) {
        return new CypherSyntaxException(message, token.getLine(), token.getCharPositionInLine() + 1, token.getText(), detail);
    }
}
