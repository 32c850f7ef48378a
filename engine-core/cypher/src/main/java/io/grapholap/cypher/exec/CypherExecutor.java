package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.Projection;
import io.grapholap.cypher.ast.Query;
import io.grapholap.cypher.ast.SingleQuery;
import io.grapholap.cypher.ast.YieldItem;
import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Evaluator;
import io.grapholap.cypher.eval.Semantics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a read-only query over a {@link CypherGraph}: clause by clause, each on the rows the one before
 * produced, every intermediate result held to the {@link RowBudget}. Writing clauses are refused
 * before anything runs ({@link ReadOnlyQueryException}); procedures come from {@link Procedures}.
 */
public final class CypherExecutor {

    private final CypherGraph graph;
    private final Procedures procedures;

    public CypherExecutor(CypherGraph graph, Procedures procedures) {
        this.graph = graph;
        this.procedures = procedures;
    }

    /** The columns and rows of a query's answer, in order. */
    public record Result(List<String> columns, List<List<Object>> rows) {
    }

    public Result run(Query query, Map<String, Object> parameters, RowBudget budget) {
        for (SingleQuery part : query.parts()) {
            for (Clause c : part.clauses()) {
                if (c instanceof Clause.Write || c instanceof Clause.Create) {
                    throw new ReadOnlyQueryException(c.keyword(), c.position());
                }
            }
        }
        if (query.unionAll().contains(true) && query.unionAll().contains(false)) {
            throw new CypherRuntimeException("InvalidClauseComposition", "a query cannot mix UNION and UNION ALL");
        }
        Run run = new Run(parameters, budget);
        Result result = run.single(query.parts().get(0));
        for (int i = 1; i < query.parts().size(); i++) {
            Result next = run.single(query.parts().get(i));
            if (!next.columns().equals(result.columns())) {
                throw new CypherRuntimeException("DifferentColumnsInUnion", "all parts of a UNION must return the same columns: "
                        + result.columns() + " and " + next.columns());
            }
            List<List<Object>> rows = new ArrayList<>(result.rows());
            rows.addAll(next.rows());
            budget.hold(rows.size());
            result = new Result(result.columns(), query.unionAll().get(i - 1) ? rows : distinct(rows));
        }
        return result;
    }

    private static List<List<Object>> distinct(List<List<Object>> rows) {
        Set<Semantics.Key> seen = new LinkedHashSet<>();
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            if (seen.add(new Semantics.Key(row))) {
                out.add(row);
            }
        }
        return out;
    }

    /** One execution: the parameters, the budget and the evaluator over the graph. */
    private final class Run {
        private final RowBudget budget;
        private final Evaluator evaluator;
        private final Matcher matcher;

        Run(Map<String, Object> parameters, RowBudget budget) {
            this.budget = budget;
            // pattern predicates and comprehensions are matched by this run's matcher, made just below
            this.evaluator = new Evaluator(graph, parameters, this::patternMatches);
            this.matcher = new Matcher(graph, evaluator, budget);
        }

        private List<Map<String, Object>> patternMatches(PatternPart pattern, Map<String, Object> row) {
            List<Map<String, Object>> matches = new ArrayList<>();
            matcher.match(List.of(pattern), row, matches::add);
            return matches;
        }

        Result single(SingleQuery query) {
            List<Clause> clauses = query.clauses();
            Clause last = clauses.get(clauses.size() - 1);
            boolean standaloneCall = clauses.size() == 1 && last instanceof Clause.Call;
            if (!(last instanceof Clause.Return) && !standaloneCall) {
                throw new CypherRuntimeException("InvalidClauseComposition", "a query must end with RETURN (it ends with " + last.keyword() + ")");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(new LinkedHashMap<>());
            // the variables in scope, in the order they were introduced
            Set<String> scope = new LinkedHashSet<>();
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                if (c instanceof Clause.Return r) {
                    if (i != clauses.size() - 1) {
                        throw new CypherRuntimeException("InvalidClauseComposition", "RETURN can only be the last clause (" + c.position() + ")");
                    }
                    Projected p = project(r.projection(), rows, scope);
                    return new Result(p.columns, p.rows.stream().map(row -> p.columns.stream().map(row::get).toList()).toList());
                }
                rows = switch (c) {
                    case Clause.Match m -> {
                        if (!m.optional() && i > 0 && clauses.get(i - 1) instanceof Clause.Match previous && previous.optional()) {
                            throw new CypherRuntimeException("InvalidClauseComposition",
                                    "MATCH cannot follow OPTIONAL MATCH directly; put a WITH between them (" + c.position() + ")");
                        }
                        for (PatternPart part : m.pattern()) {
                            scope.addAll(FreeVariables.patternVariables(part));
                        }
                        check(m.where(), scope, "WHERE");
                        yield match(m, rows);
                    }
                    case Clause.Unwind u -> {
                        check(u.list(), scope, "UNWIND");
                        scope.add(u.variable());
                        yield unwind(u, rows);
                    }
                    case Clause.With w -> {
                        Projected p = project(w.projection(), rows, scope);
                        for (Projection.ProjectionItem item : w.projection().items()) {
                            if (!item.aliased() && !(item.expression() instanceof Expression.Variable)) {
                                throw new CypherRuntimeException("NoExpressionAlias", "WITH needs an alias for '" + item.name() + "'");
                            }
                        }
                        Set<String> before = new LinkedHashSet<>(scope);
                        scope.clear();
                        scope.addAll(p.columns);
                        if (w.where() == null) {
                            yield p.rows;
                        }
                        // WHERE after a plain projection also sees the variables before it
                        Set<String> visible = new LinkedHashSet<>(scope);
                        if (p.scopes != null) {
                            visible.addAll(before);
                        }
                        check(w.where(), visible, "WHERE");
                        List<Map<String, Object>> kept = new ArrayList<>();
                        for (int r = 0; r < p.rows.size(); r++) {
                            if (evaluator.test(w.where(), p.scopes != null ? p.scopes.get(r) : p.rows.get(r))) {
                                kept.add(p.rows.get(r));
                            }
                        }
                        yield kept;
                    }
                    case Clause.Call call -> {
                        List<Map<String, Object>> called = call(call, rows, standaloneCall);
                        if (call.yields() == null || call.yieldAll()) {
                            scope.addAll(procedures.fields(call.procedureName()));
                        } else {
                            call.yields().forEach(y -> scope.add(y.variable()));
                        }
                        yield called;
                    }
                    default -> throw new ReadOnlyQueryException(c.keyword(), c.position());
                };
            }
            // a standalone CALL answers with every field of the procedure, in its order
            Clause.Call call = (Clause.Call) last;
            List<String> columns = call.yields() == null || call.yieldAll() ? procedures.fields(call.procedureName())
                    : call.yields().stream().map(YieldItem::variable).toList();
            return new Result(columns, rows.stream().map(row -> columns.stream().map(row::get).toList()).toList());
        }

        private List<Map<String, Object>> match(Clause.Match m, List<Map<String, Object>> rows) {
            List<Map<String, Object>> out = new ArrayList<>();
            Set<String> introduced = new LinkedHashSet<>();
            if (m.optional()) {
                m.pattern().forEach(part -> introduced.addAll(FreeVariables.patternVariables(part)));
            }
            for (Map<String, Object> row : rows) {
                int before = out.size();
                matcher.match(m.pattern(), row, match -> {
                    if (m.where() == null || evaluator.test(m.where(), match)) {
                        out.add(match);
                        budget.hold(out.size());
                    }
                });
                if (m.optional() && out.size() == before) {
                    Map<String, Object> empty = new LinkedHashMap<>(row);
                    for (String v : introduced) {
                        empty.putIfAbsent(v, null);
                    }
                    out.add(empty);
                    budget.hold(out.size());
                }
            }
            return out;
        }

        private List<Map<String, Object>> unwind(Clause.Unwind u, List<Map<String, Object>> rows) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Object list = evaluator.eval(u.list(), row);
                List<?> elements = list == null ? List.of() : list instanceof List<?> l ? l : List.of(list);
                for (Object e : elements) {
                    Map<String, Object> next = new LinkedHashMap<>(row);
                    next.put(u.variable(), e);
                    out.add(next);
                    budget.hold(out.size());
                }
            }
            return out;
        }

        private List<Map<String, Object>> call(Clause.Call call, List<Map<String, Object>> rows, boolean standalone) {
            List<String> fields = procedures.fields(call.procedureName());
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                List<Object> arguments = call.arguments() == null ? List.of()
                        : call.arguments().stream().map(a -> evaluator.eval(a, row)).toList();
                for (Map<String, Object> record : procedures.call(call.procedureName(), arguments, budget)) {
                    Map<String, Object> next = new LinkedHashMap<>(row);
                    if (call.yields() == null || call.yieldAll()) {
                        if (!standalone && call.yields() == null && !fields.isEmpty()) {
                            throw new CypherRuntimeException("InvalidClauseComposition",
                                    "CALL " + call.procedureName() + " inside a query needs YIELD to name the fields it uses");
                        }
                        fields.forEach(f -> next.put(f, record.get(f)));
                    } else {
                        for (YieldItem y : call.yields()) {
                            if (!fields.contains(y.field())) {
                                throw new CypherRuntimeException("UndefinedVariable", "procedure " + call.procedureName()
                                        + " has no field '" + y.field() + "' (its fields: " + fields + ")");
                            }
                            next.put(y.variable(), record.get(y.field()));
                        }
                    }
                    if (call.where() == null || evaluator.test(call.where(), next)) {
                        out.add(next);
                        budget.hold(out.size());
                    }
                }
            }
            return out;
        }

        /**
         * Projected rows (only the projection's columns), the column names in order, and for a plain
         * projection (no aggregation, no DISTINCT) each row's scope with the variables before it too.
         */
        private record Projected(List<String> columns, List<Map<String, Object>> rows, List<Map<String, Object>> scopes) {
        }

        private Projected project(Projection p, List<Map<String, Object>> input, Set<String> scope) {
            List<String> columns = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            if (p.all()) {
                if (scope.isEmpty()) {
                    throw new CypherRuntimeException("NoVariablesInScope", "RETURN * and WITH * need variables in scope");
                }
                for (String v : new java.util.TreeSet<>(scope)) {
                    columns.add(v);
                    expressions.add(new Expression.Variable(v, null));
                }
            }
            for (Projection.ProjectionItem item : p.items()) {
                if (columns.contains(item.name())) {
                    throw new CypherRuntimeException("ColumnNameConflict", "the column '" + item.name() + "' is projected twice");
                }
                check(item.expression(), scope, null);
                columns.add(item.name());
                expressions.add(item.expression());
            }
            boolean aggregating = expressions.stream().anyMatch(Aggregation::contains);
            List<Map<String, Object>> rows;
            List<Map<String, Object>> scopes = null;
            if (aggregating) {
                rows = Aggregation.group(evaluator, columns, expressions, input, budget);
            } else {
                rows = new ArrayList<>(input.size());
                scopes = new ArrayList<>(input.size());
                for (Map<String, Object> in : input) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        out.put(columns.get(i), evaluator.eval(expressions.get(i), in));
                    }
                    rows.add(out);
                    Map<String, Object> merged = new LinkedHashMap<>(in);
                    merged.putAll(out);
                    scopes.add(merged);
                }
            }
            if (p.distinct()) {
                Set<Semantics.Key> seen = new LinkedHashSet<>();
                List<Map<String, Object>> unique = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (seen.add(new Semantics.Key(new ArrayList<>(rows.get(r).values())))) {
                        unique.add(rows.get(r));
                    }
                }
                rows = unique;
                scopes = null;
            }
            if (!p.orderBy().isEmpty()) {
                Set<String> visible = new LinkedHashSet<>(columns);
                if (scopes != null) {
                    visible.addAll(scope);
                }
                List<Expression> keys = new ArrayList<>();
                for (Projection.SortItem item : p.orderBy()) {
                    int column = expressions.indexOf(item.expression());
                    if (column >= 0) {
                        // a key that repeats a projected expression reads its column (how ORDER BY count(*) works)
                        keys.add(new Expression.Variable(columns.get(column), null));
                        continue;
                    }
                    if (Aggregation.contains(item.expression())) {
                        throw new CypherRuntimeException("InvalidAggregation", "ORDER BY can only use an aggregation that is also projected");
                    }
                    check(item.expression(), visible, "ORDER BY");
                    keys.add(item.expression());
                }
                int[] order = order(p.orderBy(), keys, rows, scopes);
                List<Map<String, Object>> sortedRows = new ArrayList<>(order.length);
                List<Map<String, Object>> sortedScopes = scopes == null ? null : new ArrayList<>(order.length);
                for (int i : order) {
                    sortedRows.add(rows.get(i));
                    if (sortedScopes != null) {
                        sortedScopes.add(scopes.get(i));
                    }
                }
                rows = sortedRows;
                scopes = sortedScopes;
            }
            long skip = p.skip() == null ? 0 : count(p.skip(), "SKIP");
            long limit = p.limit() == null ? Long.MAX_VALUE : count(p.limit(), "LIMIT");
            if (skip > 0 || limit < rows.size()) {
                int from = (int) Math.min(rows.size(), skip);
                int to = (int) Math.min(rows.size(), from + Math.min(limit, Integer.MAX_VALUE));
                rows = rows.subList(from, to);
                scopes = scopes == null ? null : scopes.subList(from, to);
            }
            return new Projected(columns, rows, scopes);
        }

        /** Every variable {@code e} reads must be in scope; aggregations may not appear in {@code clause} (a WHERE). */
        private void check(Expression e, Set<String> scope, String clause) {
            if (e == null) {
                return;
            }
            for (String v : FreeVariables.of(e)) {
                if (!scope.contains(v)) {
                    throw new CypherRuntimeException("UndefinedVariable", "variable `" + v + "` not defined");
                }
            }
            if ("WHERE".equals(clause) && Aggregation.contains(e)) {
                throw new CypherRuntimeException("InvalidAggregation", "WHERE cannot use an aggregation");
            }
        }

        /** The row order the sort keys give (a stable sort). */
        private int[] order(List<Projection.SortItem> items, List<Expression> keys, List<Map<String, Object>> rows,
                            List<Map<String, Object>> scopes) {
            int n = rows.size();
            Object[][] sortKeys = new Object[n][keys.size()];
            for (int i = 0; i < n; i++) {
                Map<String, Object> scope = scopes != null ? scopes.get(i) : rows.get(i);
                for (int k = 0; k < keys.size(); k++) {
                    sortKeys[i][k] = evaluator.eval(keys.get(k), scope);
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Comparator<Integer> byKeys = (a, b) -> {
                for (int k = 0; k < keys.size(); k++) {
                    int c = Semantics.ORDER.compare(sortKeys[a][k], sortKeys[b][k]);
                    if (c != 0) {
                        return items.get(k).descending() ? -c : c;
                    }
                }
                return 0;
            };
            java.util.Arrays.sort(order, byKeys);
            return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }

        private long count(Expression e, String clause) {
            if (!FreeVariables.of(e).isEmpty()) {
                throw new CypherRuntimeException("NonConstantExpression", clause + " must be a constant or a parameter, not read from the rows");
            }
            Object v = evaluator.eval(e, Map.of());
            if (!(v instanceof Long l)) {
                throw new CypherRuntimeException("InvalidArgumentType", clause + " needs an integer, not " + io.grapholap.cypher.eval.Values.typeName(v));
            }
            if (l < 0) {
                throw new CypherRuntimeException("NegativeIntegerArgument", clause + " needs 0 or more, not " + l);
            }
            return l;
        }
    }
}
