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
            Matcher[] self = new Matcher[1];
            this.evaluator = new Evaluator(graph, parameters, (pattern, row) -> {
                List<Map<String, Object>> matches = new ArrayList<>();
                self[0].match(List.of(pattern), row, matches::add);
                return matches;
            });
            this.matcher = new Matcher(graph, evaluator, budget);
            self[0] = matcher;
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
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                if (c instanceof Clause.Return r) {
                    if (i != clauses.size() - 1) {
                        throw new CypherRuntimeException("InvalidClauseComposition", "RETURN can only be the last clause (" + c.position() + ")");
                    }
                    Projected p = project(r.projection(), rows);
                    return new Result(p.columns, p.rows.stream().map(row -> p.columns.stream().map(row::get).toList()).toList());
                }
                rows = switch (c) {
                    case Clause.Match m -> match(m, rows);
                    case Clause.Unwind u -> unwind(u, rows);
                    case Clause.With w -> {
                        Projected p = project(w.projection(), rows);
                        yield w.where() == null ? p.rows : p.rows.stream().filter(r -> evaluator.test(w.where(), r)).toList();
                    }
                    case Clause.Call call -> call(call, rows, standaloneCall);
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
            Set<String> introduced = m.optional() ? variables(m.pattern()) : Set.of();
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

        /** Projected rows (only the projection's columns) and the column names, in order. */
        private record Projected(List<String> columns, List<Map<String, Object>> rows) {
        }

        private Projected project(Projection p, List<Map<String, Object>> input) {
            List<String> columns = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            if (p.all()) {
                Set<String> visible = new java.util.TreeSet<>();
                input.forEach(r -> visible.addAll(r.keySet()));
                for (String v : visible) {
                    columns.add(v);
                    expressions.add(new Expression.Variable(v, null));
                }
            }
            for (Projection.ProjectionItem item : p.items()) {
                if (columns.contains(item.name())) {
                    throw new CypherRuntimeException("ColumnNameConflict", "the column '" + item.name() + "' is projected twice");
                }
                columns.add(item.name());
                expressions.add(item.expression());
            }
            boolean aggregating = expressions.stream().anyMatch(Aggregation::contains);
            List<Map<String, Object>> rows;
            // ORDER BY may read the variables before the projection when nothing aggregates or dedupes
            List<Map<String, Object>> sortScopes = null;
            if (aggregating) {
                rows = Aggregation.group(evaluator, columns, expressions, input, budget);
            } else {
                rows = new ArrayList<>(input.size());
                sortScopes = new ArrayList<>(input.size());
                for (Map<String, Object> in : input) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        out.put(columns.get(i), evaluator.eval(expressions.get(i), in));
                    }
                    rows.add(out);
                    Map<String, Object> scope = new LinkedHashMap<>(in);
                    scope.putAll(out);
                    sortScopes.add(scope);
                }
            }
            if (p.distinct()) {
                Set<Semantics.Key> seen = new LinkedHashSet<>();
                List<Map<String, Object>> unique = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    if (seen.add(new Semantics.Key(new ArrayList<>(r.values())))) {
                        unique.add(r);
                    }
                }
                rows = unique;
                sortScopes = null;
            }
            if (!p.orderBy().isEmpty()) {
                rows = order(p.orderBy(), rows, sortScopes);
            }
            long skip = p.skip() == null ? 0 : count(p.skip(), "SKIP");
            long limit = p.limit() == null ? Long.MAX_VALUE : count(p.limit(), "LIMIT");
            if (skip > 0 || limit < rows.size()) {
                int from = (int) Math.min(rows.size(), skip);
                int to = (int) Math.min(rows.size(), from + Math.min(limit, Integer.MAX_VALUE));
                rows = rows.subList(from, to);
            }
            return new Projected(columns, rows);
        }

        private List<Map<String, Object>> order(List<Projection.SortItem> keys, List<Map<String, Object>> rows,
                                                List<Map<String, Object>> scopes) {
            int n = rows.size();
            Object[][] sortKeys = new Object[n][keys.size()];
            for (int i = 0; i < n; i++) {
                Map<String, Object> scope = scopes != null ? scopes.get(i) : rows.get(i);
                for (int k = 0; k < keys.size(); k++) {
                    sortKeys[i][k] = evaluator.eval(keys.get(k).expression(), scope);
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
                        return keys.get(k).descending() ? -c : c;
                    }
                }
                return 0;
            };
            java.util.Arrays.sort(order, byKeys);
            List<Map<String, Object>> sorted = new ArrayList<>(n);
            for (Integer i : order) {
                sorted.add(rows.get(i));
            }
            return sorted;
        }

        private long count(Expression e, String clause) {
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

    private static Set<String> variables(List<PatternPart> parts) {
        Set<String> names = new LinkedHashSet<>();
        for (PatternPart part : parts) {
            if (part.variable() != null) {
                names.add(part.variable());
            }
            if (part.start().variable() != null) {
                names.add(part.start().variable());
            }
            for (PatternPart.Step s : part.steps()) {
                if (s.relationship().variable() != null) {
                    names.add(s.relationship().variable());
                }
                if (s.node().variable() != null) {
                    names.add(s.node().variable());
                }
            }
        }
        return names;
    }
}
