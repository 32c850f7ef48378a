package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSemanticException;
import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.Binary;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.Position;
import io.grapholap.cypher.ast.Projection;
import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.ast.SingleQuery;
import io.grapholap.cypher.ast.YieldItem;
import io.grapholap.cypher.eval.Functions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks a query passes before anything runs, so that a wrong query fails at once with the
 * position of its mistake rather than part-way through, or not at all on a graph where the wrong part
 * is never reached. First a query that writes is refused ({@link ReadOnlyQueryException}); then, clause
 * by clause, a {@link CypherSemanticException} names the first of: how clauses are put together
 * (RETURN last, no MATCH right after OPTIONAL MATCH, UNION parts with the same columns, not mixing
 * UNION and UNION ALL), variables (defined before use, not bound twice, a node not used as a
 * relationship), aggregations (only in WITH and RETURN, not nested, not over {@code rand()}),
 * projections (aliases, column names, SKIP and LIMIT), functions (known, with arguments of a possible
 * type), procedure calls (known, the right arguments, known outputs) and the types that can be told
 * from the text (literals, pattern variables, and what WITH passes on).
 */
final class QueryChecker {

    /** What can be told of a value's type from the query text; {@code ANY} when nothing can. */
    enum Type {
        ANY, NULL, BOOLEAN, INTEGER, FLOAT, STRING, LIST, MAP, NODE, RELATIONSHIP, PATH;

        String article() {
            return this == INTEGER ? "an Integer" : "a " + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /** Where an expression stands: the clause's position (for errors without a better one), and what forbids aggregations there (null where allowed). */
    private record Context(Position at, String noAggregation) {
        Context without(String where) {
            return new Context(at, where);
        }
    }

    private static final Set<Type> NOT_BOOLEAN = EnumSet.of(Type.INTEGER, Type.FLOAT, Type.STRING, Type.LIST, Type.MAP, Type.NODE,
            Type.RELATIONSHIP, Type.PATH);

    /** For functions that take one kind of value first: the kinds they accept (ANY and NULL always pass). */
    private static final Map<String, Set<Type>> FIRST_ARGUMENT = Map.of(
            "type", EnumSet.of(Type.RELATIONSHIP),
            "labels", EnumSet.of(Type.NODE),
            "properties", EnumSet.of(Type.NODE, Type.RELATIONSHIP, Type.MAP),
            "keys", EnumSet.of(Type.NODE, Type.RELATIONSHIP, Type.MAP),
            "length", EnumSet.of(Type.PATH, Type.LIST, Type.STRING),
            "size", EnumSet.of(Type.LIST, Type.STRING),
            "nodes", EnumSet.of(Type.PATH),
            "relationships", EnumSet.of(Type.PATH),
            "startnode", EnumSet.of(Type.RELATIONSHIP),
            "endnode", EnumSet.of(Type.RELATIONSHIP));

    private final Procedures procedures;
    private final Set<String> parameters;

    private QueryChecker(Procedures procedures, Set<String> parameters) {
        this.procedures = procedures;
        this.parameters = parameters;
    }

    /**
     * Checks {@code query} with the procedures it may call and the names of the parameters it is given.
     *
     * @throws ReadOnlyQueryException when it writes
     * @throws CypherSemanticException at its first error
     */
    static void check(Query query, Procedures procedures, Set<String> parameters) {
        for (SingleQuery part : query.parts()) {
            for (Clause c : part.clauses()) {
                if (c instanceof Clause.Create || c instanceof Clause.Delete || c instanceof Clause.Write) {
                    throw new ReadOnlyQueryException(c.keyword(), c.position());
                }
            }
        }
        new QueryChecker(procedures, parameters).query(query);
    }

    private void query(Query query) {
        List<Boolean> all = query.unionAll();
        for (int i = 1; i < all.size(); i++) {
            if (!all.get(i).equals(all.get(0))) {
                throw error("InvalidClauseComposition", "a query cannot mix UNION and UNION ALL", first(query.parts().get(i + 1)));
            }
        }
        List<String> columns = single(query.parts().get(0));
        for (int i = 1; i < query.parts().size(); i++) {
            List<String> next = single(query.parts().get(i));
            if (!next.equals(columns)) {
                throw error("DifferentColumnsInUnion", "all parts of a UNION must return the same columns: " + columns + " and " + next,
                        first(query.parts().get(i)));
            }
        }
    }

    private static Position first(SingleQuery q) {
        return q.clauses().get(0).position();
    }

    /** Checks a single query; gives its columns. */
    private List<String> single(SingleQuery query) {
        List<Clause> clauses = query.clauses();
        Clause last = clauses.get(clauses.size() - 1);
        boolean standalone = clauses.size() == 1 && last instanceof Clause.Call;
        if (!(last instanceof Clause.Return) && !standalone) {
            throw error("InvalidClauseComposition", "a query must end with RETURN (it ends with " + last.keyword() + ")", last.position());
        }
        Map<String, Type> scope = new LinkedHashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            Context cx = new Context(c.position(), null);
            switch (c) {
                case Clause.Match m -> {
                    if (!m.optional() && i > 0 && clauses.get(i - 1) instanceof Clause.Match previous && previous.optional()) {
                        throw error("InvalidClauseComposition", "MATCH cannot follow OPTIONAL MATCH directly; put a WITH between them",
                                c.position());
                    }
                    pattern(m.pattern(), scope, cx.without("a pattern"));
                    predicate(m.where(), scope, cx.without("WHERE"));
                }
                case Clause.Unwind u -> {
                    expression(u.list(), scope, cx.without("UNWIND"));
                    bind(scope, u.variable(), Type.ANY, c.position());
                }
                case Clause.With w -> scope = projection(w.projection(), w.where(), scope, cx, true);
                case Clause.Return r -> {
                    if (i != clauses.size() - 1) {
                        throw error("InvalidClauseComposition", "RETURN can only be the last clause", c.position());
                    }
                    scope = projection(r.projection(), null, scope, cx, false);
                }
                case Clause.Call call -> call(call, scope, standalone, cx);
                default -> throw new ReadOnlyQueryException(c.keyword(), c.position());
            }
        }
        return new ArrayList<>(scope.keySet());
    }

    private static void bind(Map<String, Type> scope, String variable, Type type, Position at) {
        if (scope.containsKey(variable)) {
            throw error("VariableAlreadyBound", "variable `" + variable + "` is already defined", at);
        }
        scope.put(variable, type);
    }

    // ---- projections

    /** Checks a WITH or RETURN (with the WHERE of a WITH); gives the scope after it, its columns. */
    private Map<String, Type> projection(Projection p, Expression where, Map<String, Type> scope, Context cx, boolean with) {
        String keyword = with ? "WITH" : "RETURN";
        if (p.all() && scope.isEmpty()) {
            throw error("NoVariablesInScope", keyword + " * needs variables in scope", cx.at());
        }
        List<String> columns = Projections.columns(p, scope.keySet());
        List<Expression> expressions = Projections.expressions(p, scope.keySet());
        Map<String, Type> out = new LinkedHashMap<>();
        if (p.all()) {
            columns.subList(0, columns.size() - p.items().size()).forEach(v -> out.put(v, scope.get(v)));
        }
        for (Projection.ProjectionItem item : p.items()) {
            if (out.containsKey(item.name())) {
                throw error("ColumnNameConflict", "the column '" + item.name() + "' is projected twice", cx.at());
            }
            if (with && !item.aliased() && !(item.expression() instanceof Expression.Variable)) {
                throw error("NoExpressionAlias", "WITH needs an alias for '" + item.name() + "' (WITH " + item.name() + " AS name)", cx.at());
            }
            out.put(item.name(), expression(item.expression(), scope, cx));
        }
        boolean aggregating = expressions.stream().anyMatch(Projections::aggregates);
        // after DISTINCT or aggregation only the columns are left; a plain projection still sees the variables before it
        Map<String, Type> visible = new LinkedHashMap<>(aggregating || p.distinct() ? Map.of() : scope);
        visible.putAll(out);
        for (Projection.SortItem s : p.orderBy()) {
            expression(Projections.substitute(s.expression(), columns, expressions), visible, cx.without("ORDER BY (unless projected)"));
        }
        count(p.skip(), "SKIP", cx);
        count(p.limit(), "LIMIT", cx);
        if (where != null) {
            predicate(Projections.substitute(where, columns, expressions), visible, cx.without("WHERE"));
        }
        return out;
    }

    /** SKIP and LIMIT: read no rows, an integer, not negative where written as a number. */
    private void count(Expression e, String clause, Context cx) {
        if (e == null) {
            return;
        }
        if (!FreeVariables.of(e).isEmpty()) {
            throw error("NonConstantExpression", clause + " must be a constant or a parameter, not read from the rows", at(e, cx));
        }
        Type t = expression(e, Map.of(), cx.without(clause));
        if (t != Type.ANY && t != Type.INTEGER) {
            throw error("InvalidArgumentType", clause + " needs an integer, not " + t.article(), cx.at());
        }
        if (e instanceof Expression.Literal l && l.value() instanceof Long n && n < 0) {
            throw error("NegativeIntegerArgument", clause + " needs 0 or more, not " + n, cx.at());
        }
    }

    // ---- procedure calls

    private void call(Clause.Call call, Map<String, Type> scope, boolean standalone, Context cx) {
        String name = call.procedureName();
        Procedures.Signature signature = procedures.signature(name)
                .orElseThrow(() -> error("ProcedureNotFound", "there is no procedure " + name, cx.at()));
        List<Procedures.Field> inputs = signature.inputs();
        if (call.arguments() == null) {
            if (!standalone && !inputs.isEmpty()) {
                throw error("InvalidArgumentPassingMode", "CALL " + name + " inside a query must pass its arguments in parentheses", cx.at());
            }
            for (Procedures.Field input : inputs) {
                if (!parameters.contains(input.name())) {
                    throw error("MissingParameter", "expected a parameter named $" + input.name() + " (CALL " + name
                            + " without parentheses takes its arguments from the parameters of its inputs' names)", cx.at());
                }
            }
        } else {
            if (call.arguments().size() != inputs.size()) {
                throw error("InvalidNumberOfArguments", name + " takes " + inputs.size() + " argument" + (inputs.size() == 1 ? "" : "s")
                        + " " + inputs.stream().map(f -> f.name() + " :: " + f.type()).toList() + ", not " + call.arguments().size(), cx.at());
            }
            for (int i = 0; i < inputs.size(); i++) {
                Expression argument = call.arguments().get(i);
                Type t = expression(argument, scope, cx.without("a procedure's arguments"));
                if (!fits(t, inputs.get(i).type())) {
                    throw error("InvalidArgumentType", name + "'s input " + inputs.get(i).name() + " is " + inputs.get(i).type() + ", not "
                            + t.article(), at(argument, cx));
                }
            }
        }
        List<String> outputs = signature.outputNames();
        if (call.yieldAll() || call.yields() == null && standalone) {
            for (Procedures.Field output : signature.outputs()) {
                bind(scope, output.name(), type(output.type()), cx.at());
            }
        } else if (call.yields() != null) {
            for (YieldItem y : call.yields()) {
                int at = outputs.indexOf(y.field());
                if (at < 0) {
                    throw error("UnknownProcedureOutput", name + " has no output '" + y.field() + "' (its outputs: " + outputs + ")", cx.at());
                }
                bind(scope, y.variable(), type(signature.outputs().get(at).type()), cx.at());
            }
        }
        predicate(call.where(), scope, cx.without("WHERE"));
    }

    /** Whether a value of static type {@code t} can be passed for {@code declared}. */
    private static boolean fits(Type t, Procedures.Type declared) {
        return switch (t) {
            case ANY, NULL -> true;
            case INTEGER, FLOAT -> EnumSet.of(Procedures.Type.ANY, Procedures.Type.INTEGER, Procedures.Type.FLOAT, Procedures.Type.NUMBER)
                    .contains(declared);
            default -> declared == Procedures.Type.ANY || declared.name().equals(t.name());
        };
    }

    private static Type type(Procedures.Type declared) {
        return declared == Procedures.Type.NUMBER ? Type.ANY : Type.valueOf(declared.name());
    }

    // ---- patterns

    /** Checks a pattern and adds its new variables to {@code scope}. */
    private void pattern(List<PatternPart> parts, Map<String, Type> scope, Context cx) {
        Map<String, Type> local = new LinkedHashMap<>();
        Set<String> relationships = new HashSet<>();
        List<Expression> properties = new ArrayList<>();
        for (PatternPart part : parts) {
            if (part.variable() != null) {
                if (scope.containsKey(part.variable()) || local.containsKey(part.variable())) {
                    throw error("VariableAlreadyBound", "the path variable `" + part.variable() + "` is already defined", cx.at());
                }
                local.put(part.variable(), Type.PATH);
            }
            node(part.start(), scope, local, cx, properties);
            for (PatternPart.Step s : part.steps()) {
                PatternPart.RelationshipPattern r = s.relationship();
                if (r.variable() != null) {
                    Type expected = r.length() == null ? Type.RELATIONSHIP : Type.LIST;
                    if (relationships.contains(r.variable())) {
                        throw error("RelationshipUniquenessViolation", "the relationship `" + r.variable()
                                + "` stands twice in one pattern, which can never match", cx.at());
                    }
                    variable(r.variable(), expected, scope, local, cx);
                    relationships.add(r.variable());
                }
                collect(r.properties(), properties, cx);
                node(s.node(), scope, local, cx, properties);
            }
        }
        scope.putAll(local);
        for (Expression e : properties) {
            expression(e, scope, cx);
        }
    }

    private void node(PatternPart.NodePattern n, Map<String, Type> scope, Map<String, Type> local, Context cx, List<Expression> properties) {
        if (n.variable() != null) {
            variable(n.variable(), Type.NODE, scope, local, cx);
        }
        collect(n.properties(), properties, cx);
    }

    /** A pattern's variable: new, or already of the kind it stands for here. */
    private static void variable(String v, Type expected, Map<String, Type> scope, Map<String, Type> local, Context cx) {
        Type t = local.containsKey(v) ? local.get(v) : scope.get(v);
        if (t == null) {
            local.put(v, expected);
        } else if (t != expected && t != Type.ANY && t != Type.NULL) {
            String kind = expected == Type.NODE ? "a node" : expected == Type.RELATIONSHIP ? "a relationship" : "a variable-length relationship";
            throw error("VariableTypeConflict", "`" + v + "` is " + t.article() + ", so it cannot stand for " + kind, cx.at());
        }
    }

    private static void collect(Expression properties, List<Expression> out, Context cx) {
        if (properties instanceof Expression.Parameter p) {
            throw error("InvalidParameterUse", "a parameter cannot stand for the properties of a pattern to match; write {key: $"
                    + p.name() + ".key} or a WHERE", cx.at());
        }
        if (properties != null) {
            out.add(properties);
        }
    }

    // ---- expressions

    private void predicate(Expression e, Map<String, Type> scope, Context cx) {
        if (e != null) {
            expression(e, scope, cx);
        }
    }

    /** Checks {@code e}; gives its type as far as the text tells. */
    private Type expression(Expression e, Map<String, Type> scope, Context cx) {
        return switch (e) {
            case Expression.Literal l -> literal(l.value());
            case Expression.Parameter p -> {
                if (!parameters.contains(p.name())) {
                    throw error("MissingParameter", "expected a parameter named $" + p.name(), cx.at());
                }
                yield Type.ANY;
            }
            case Expression.Variable v -> {
                Type t = scope.get(v.name());
                if (t == null) {
                    throw error("UndefinedVariable", "variable `" + v.name() + "` not defined", v.position() != null ? v.position() : cx.at());
                }
                yield t;
            }
            case Expression.ListLiteral l -> {
                l.elements().forEach(x -> expression(x, scope, cx));
                yield Type.LIST;
            }
            case Expression.MapLiteral m -> {
                m.values().forEach(x -> expression(x, scope, cx));
                yield Type.MAP;
            }
            case Expression.Property p -> {
                Type t = expression(p.subject(), scope, cx);
                if (EnumSet.of(Type.BOOLEAN, Type.INTEGER, Type.FLOAT, Type.STRING, Type.LIST, Type.PATH).contains(t)) {
                    throw error("InvalidArgumentType", "cannot read the property '" + p.key() + "' of " + t.article()
                            + " (only of a node, a relationship or a map)", at(e, cx));
                }
                yield Type.ANY;
            }
            case Expression.HasLabels h -> {
                expect(expression(h.subject(), scope, cx), EnumSet.of(Type.NODE), "a label test", h, cx);
                yield Type.BOOLEAN;
            }
            case Binary b -> binary(b, scope, cx);
            case Expression.Not n -> {
                notBoolean(expression(n.operand(), scope, cx), "NOT", n, cx);
                yield Type.BOOLEAN;
            }
            case Expression.Negate n -> {
                Type t = expression(n.operand(), scope, cx);
                expect(t, EnumSet.of(Type.INTEGER, Type.FLOAT), "-", n, cx);
                yield t == Type.NULL ? Type.NULL : t == Type.INTEGER || t == Type.FLOAT ? t : Type.ANY;
            }
            case Expression.IsNull n -> {
                expression(n.operand(), scope, cx);
                yield Type.BOOLEAN;
            }
            case Expression.Subscript s -> {
                Type subject = expression(s.subject(), scope, cx);
                Type index = expression(s.index(), scope, cx);
                if (subject == Type.LIST) {
                    expect(index, EnumSet.of(Type.INTEGER), "a list index", s, cx);
                } else if (subject == Type.MAP) {
                    expect(index, EnumSet.of(Type.STRING), "a map key", s, cx);
                }
                yield Type.ANY;
            }
            case Expression.Slice s -> {
                Type subject = expression(s.subject(), scope, cx);
                for (Expression bound : new Expression[] {s.from(), s.to()}) {
                    if (bound != null) {
                        expect(expression(bound, scope, cx), EnumSet.of(Type.INTEGER), "a slice bound", s, cx);
                    }
                }
                yield subject == Type.LIST ? Type.LIST : Type.ANY;
            }
            case Expression.FunctionCall f -> function(f, scope, cx);
            case Expression.CountStar c -> {
                aggregation(List.of(), cx);
                yield Type.INTEGER;
            }
            case Expression.Case k -> {
                k.children().forEach(x -> expression(x, scope, cx));
                yield Type.ANY;
            }
            case Expression.ListComprehension l -> {
                expect(expression(l.list(), scope, cx), EnumSet.of(Type.LIST), "a list comprehension", l, cx);
                Map<String, Type> inner = new LinkedHashMap<>(scope);
                inner.put(l.variable(), Type.ANY);
                Context body = cx.without("a list comprehension");
                predicate(l.where(), inner, body);
                predicate(l.projection(), inner, body);
                yield Type.LIST;
            }
            case Expression.Quantified q -> {
                expect(expression(q.list(), scope, cx), EnumSet.of(Type.LIST), q.quantifier().name().toLowerCase(Locale.ROOT) + "()", q, cx);
                Map<String, Type> inner = new LinkedHashMap<>(scope);
                inner.put(q.variable(), Type.ANY);
                predicate(q.where(), inner, cx.without("a list predicate"));
                yield Type.BOOLEAN;
            }
            case Expression.PatternComprehension p -> {
                Map<String, Type> inner = new LinkedHashMap<>(scope);
                Context body = cx.without("a pattern comprehension");
                pattern(List.of(p.pattern()), inner, body);
                predicate(p.where(), inner, body);
                expression(p.projection(), inner, body);
                yield Type.LIST;
            }
            case Expression.PatternPredicate p -> {
                pattern(List.of(p.pattern()), new LinkedHashMap<>(scope), cx.without("a pattern"));
                yield Type.BOOLEAN;
            }
        };
    }

    private Type binary(Binary b, Map<String, Type> scope, Context cx) {
        Type l = expression(b.left(), scope, cx);
        Type r = expression(b.right(), scope, cx);
        return switch (b.operator()) {
            case AND, OR, XOR -> {
                notBoolean(l, b.operator().symbol(), b, cx);
                notBoolean(r, b.operator().symbol(), b, cx);
                yield Type.BOOLEAN;
            }
            case IN -> {
                expect(r, EnumSet.of(Type.LIST), "the right side of IN", b, cx);
                yield Type.BOOLEAN;
            }
            case EQ, NEQ, LT, GT, LTE, GTE, REGEX_MATCH, STARTS_WITH, ENDS_WITH, CONTAINS -> Type.BOOLEAN;
            default -> Type.ANY;
        };
    }

    private Type function(Expression.FunctionCall f, Map<String, Type> scope, Context cx) {
        String name = f.qualifiedName().toLowerCase(Locale.ROOT);
        if (!Functions.isKnown(f)) {
            throw error("UnknownFunction", "unknown function '" + f.qualifiedName() + "'", f.position());
        }
        if (Functions.isAggregate(f)) {
            aggregation(f.arguments(), new Context(f.position(), cx.noAggregation()));
            f.arguments().forEach(a -> expression(a, scope, cx.without("another aggregation")));
            return switch (name) {
                case "count" -> Type.INTEGER;
                case "collect" -> Type.LIST;
                default -> Type.ANY;
            };
        }
        if (name.equals("exists") && (f.arguments().size() != 1
                || !(f.arguments().get(0) instanceof Expression.Property || f.arguments().get(0) instanceof Expression.Subscript
                || f.arguments().get(0) instanceof Expression.PatternPredicate))) {
            throw error("InvalidArgumentExpression", "exists() takes a property (exists(n.name), exists(n['name'])) or a pattern",
                    f.position());
        }
        List<Type> arguments = f.arguments().stream().map(a -> expression(a, scope, cx)).toList();
        Set<Type> accepted = FIRST_ARGUMENT.get(name);
        if (accepted != null && !arguments.isEmpty()) {
            expect(arguments.get(0), accepted, name + "()", f, cx);
        }
        return switch (name) {
            case "size", "length", "tointeger", "sign" -> Type.INTEGER;
            case "labels", "keys", "nodes", "relationships", "range", "split", "tail" -> Type.LIST;
            case "type", "tostring", "toupper", "tolower", "upper", "lower", "trim", "ltrim", "rtrim", "substring", "left", "right",
                 "replace" -> Type.STRING;
            case "startnode", "endnode" -> Type.NODE;
            case "properties" -> Type.MAP;
            default -> Type.ANY;
        };
    }

    /** An aggregation with these arguments stands here: where allowed, not over another, not over {@code rand()}. */
    private static void aggregation(List<Expression> arguments, Context cx) {
        if (cx.noAggregation() != null) {
            throw error("InvalidAggregation", "aggregations are only allowed in WITH and RETURN, not in " + cx.noAggregation(), cx.at());
        }
        for (Expression a : arguments) {
            if (Projections.aggregates(a)) {
                throw error("NestedAggregation", "an aggregation cannot contain another", cx.at());
            }
            if (calls(a, "rand")) {
                throw error("NonConstantExpression", "an aggregation cannot be over rand(): its value changes from row to row", cx.at());
            }
        }
    }

    private static boolean calls(Expression e, String function) {
        if (e instanceof Expression.FunctionCall f && f.qualifiedName().equalsIgnoreCase(function)) {
            return true;
        }
        return e.children().stream().anyMatch(c -> calls(c, function));
    }

    private static Type literal(Object v) {
        return switch (v) {
            case null -> Type.NULL;
            case Boolean b -> Type.BOOLEAN;
            case Long l -> Type.INTEGER;
            case Double d -> Type.FLOAT;
            case String s -> Type.STRING;
            default -> Type.ANY;
        };
    }

    /** A value of type {@code t} must be one of {@code accepted} for {@code what} (when its type is known and not null). */
    private static void expect(Type t, Set<Type> accepted, String what, Expression e, Context cx) {
        if (t != Type.ANY && t != Type.NULL && !accepted.contains(t)) {
            throw error("InvalidArgumentType", what + " cannot take " + t.article(), at(e, cx));
        }
    }

    private static void notBoolean(Type t, String operator, Expression e, Context cx) {
        if (NOT_BOOLEAN.contains(t)) {
            throw error("InvalidArgumentType", operator + " takes booleans, not " + t.article(), at(e, cx));
        }
    }

    /** The position of the first name or call in {@code e}, else its clause's. */
    private static Position at(Expression e, Context cx) {
        Position p = position(e);
        return p != null ? p : cx.at();
    }

    private static Position position(Expression e) {
        if (e instanceof Expression.Variable v && v.position() != null) {
            return v.position();
        }
        if (e instanceof Expression.FunctionCall f && f.position() != null) {
            return f.position();
        }
        for (Expression c : e.children()) {
            Position p = position(c);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static CypherSemanticException error(String code, String message, Position at) {
        return new CypherSemanticException(code, message, at);
    }
}
