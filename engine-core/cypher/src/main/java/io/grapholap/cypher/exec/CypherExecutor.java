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
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs a read-only query that {@link QueryChecker} accepted over a {@link CypherGraph}. The clauses are
 * a pipeline: each row flows through {@code MATCH}, {@code UNWIND}, {@code CALL} and plain projections
 * one at a time, and only aggregation (its groups), {@code ORDER BY} (with a {@code LIMIT}, only the
 * first SKIP + LIMIT rows), {@code DISTINCT} and the answer itself hold rows, each held to the
 * {@link RowBudget}. A {@code LIMIT} stops the clauses before it once it has its rows, so
 * {@code MATCH (n) RETURN n LIMIT 10} reads ten matches, not the graph.
 */
public final class CypherExecutor {

    private final CypherGraph graph;
    private final Procedures procedures;

    CypherExecutor(CypherGraph graph, Procedures procedures) {
        this.graph = graph;
        this.procedures = procedures;
    }

    /** The columns and rows of a query's answer, in order. */
    public record Result(List<String> columns, List<List<Object>> rows) {
    }

    Result run(Query query, Map<String, Object> parameters, RowBudget budget) {
        Run run = new Run(parameters, budget);
        Result result = run.single(query.parts().get(0));
        for (int i = 1; i < query.parts().size(); i++) {
            Result next = run.single(query.parts().get(i));
            List<List<Object>> rows = new ArrayList<>(result.rows());
            rows.addAll(next.rows());
            budget.hold(rows.size());
            result = new Result(result.columns(), query.unionAll().get(i - 1) ? rows : distinct(rows));
        }
        return result;
    }

    private static List<List<Object>> distinct(List<List<Object>> rows) {
        Set<Semantics.Key> seen = new HashSet<>();
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            if (seen.add(new Semantics.Key(row))) {
                out.add(row);
            }
        }
        return out;
    }

    /**
     * Where the rows of a clause go: the next clause, or the answer. {@code push} gives one row and says
     * whether more are wanted; once it said no, no more come. {@code finish} follows the last row.
     */
    private interface Sink {
        boolean push(Map<String, Object> row);

        void finish();
    }

    /** Thrown through the matcher to stop a match early when the rest of the pipeline wants no more rows; carries nothing. */
    private static final class Enough extends RuntimeException {
        static final Enough INSTANCE = new Enough();

        private Enough() {
            super(null, null, false, false);
        }
    }

    /** One execution: the parameters, the budget and the evaluator over the graph. */
    private final class Run {
        private final RowBudget budget;
        private final Evaluator evaluator;
        private final Matcher matcher;

        Run(Map<String, Object> parameters, RowBudget budget) {
            this.budget = budget;
            // pattern predicates and comprehensions are matched by this run's matcher, made just below
            this.evaluator = new Evaluator(graph, parameters, new Evaluator.PatternSource() {
                @Override
                public List<Map<String, Object>> matches(PatternPart pattern, Map<String, Object> row) {
                    List<Map<String, Object>> matches = new ArrayList<>();
                    matcher.match(List.of(pattern), row, match -> {
                        matches.add(match);
                        budget.hold(matches.size());
                    });
                    return matches;
                }

                @Override
                public boolean exists(PatternPart pattern, Map<String, Object> row) {
                    try {
                        matcher.match(List.of(pattern), row, match -> {
                            throw Enough.INSTANCE;
                        });
                        return false;
                    } catch (Enough e) {
                        return true;
                    }
                }
            });
            this.matcher = new Matcher(graph, evaluator, budget);
        }

        Result single(SingleQuery query) {
            List<Clause> clauses = query.clauses();
            Result counted = Counts.answer(clauses, matcher);
            if (counted != null) {
                return counted;
            }
            boolean standalone = clauses.size() == 1 && clauses.get(0) instanceof Clause.Call;
            // the variables in scope before each clause, in the order they were introduced
            List<Set<String>> scopes = new ArrayList<>();
            Set<String> scope = new LinkedHashSet<>();
            for (Clause c : clauses) {
                scopes.add(scope);
                scope = after(c, scope, standalone);
            }
            Clause last = clauses.get(clauses.size() - 1);
            List<String> columns = last instanceof Clause.Return r
                    ? Projections.columns(r.projection(), scopes.get(clauses.size() - 1))
                    : new ArrayList<>(scope);
            Answer answer = new Answer(columns, budget);
            Sink sink = answer;
            for (int i = clauses.size() - 1; i >= 0; i--) {
                sink = stage(clauses.get(i), scopes.get(i), standalone, sink);
            }
            sink.push(new LinkedHashMap<>());
            sink.finish();
            return new Result(columns, answer.rows);
        }

        /** The variables in scope after {@code c}. */
        private Set<String> after(Clause c, Set<String> before, boolean standalone) {
            Set<String> scope = new LinkedHashSet<>(before);
            switch (c) {
                case Clause.Match m -> m.pattern().forEach(part -> scope.addAll(FreeVariables.patternVariables(part)));
                case Clause.Unwind u -> scope.add(u.variable());
                case Clause.With w -> {
                    scope.clear();
                    scope.addAll(Projections.columns(w.projection(), before));
                }
                case Clause.Return r -> {
                    scope.clear();
                    scope.addAll(Projections.columns(r.projection(), before));
                }
                case Clause.Call call -> scope.addAll(bound(call, standalone));
                default -> throw new ReadOnlyQueryException(c.keyword(), c.position());
            }
            return scope;
        }

        /** The variables a call binds: the yielded ones; all outputs for {@code YIELD *} and a standalone call without YIELD. */
        private List<String> bound(Clause.Call call, boolean standalone) {
            Procedures.Signature signature = signature(call);
            if (call.yieldAll() || call.yields() == null && standalone) {
                return signature.outputNames();
            }
            return call.yields() == null ? List.of() : call.yields().stream().map(YieldItem::variable).toList();
        }

        private Procedures.Signature signature(Clause.Call call) {
            return procedures.signature(call.procedureName())
                    .orElseThrow(() -> new CypherRuntimeException("ProcedureNotFound", "there is no procedure " + call.procedureName()));
        }

        private Sink stage(Clause c, Set<String> scope, boolean standalone, Sink next) {
            return switch (c) {
                case Clause.Match m -> match(m, scope, next);
                case Clause.Unwind u -> unwind(u, next);
                case Clause.Call call -> call(call, standalone, next);
                case Clause.With w -> projection(w.projection(), w.where(), scope, next);
                case Clause.Return r -> projection(r.projection(), null, scope, next);
                default -> throw new ReadOnlyQueryException(c.keyword(), c.position());
            };
        }

        private Sink match(Clause.Match m, Set<String> scope, Sink next) {
            List<String> introduced = new ArrayList<>();
            m.pattern().forEach(part -> FreeVariables.patternVariables(part).stream().filter(v -> !scope.contains(v)).forEach(introduced::add));
            StartHints hints = StartHints.of(m.where(), scope);
            return new Stage(next) {
                @Override
                boolean accept(Map<String, Object> row) {
                    boolean[] found = {false};
                    try {
                        matcher.matchLive(m.pattern(), row, hints, match -> {
                            if (m.where() == null || evaluator.test(m.where(), match)) {
                                found[0] = true;
                                if (!next.push(match)) {
                                    throw Enough.INSTANCE;
                                }
                            }
                        });
                    } catch (Enough e) {
                        return false;
                    }
                    if (m.optional() && !found[0]) {
                        Map<String, Object> nulls = new LinkedHashMap<>(row);
                        introduced.forEach(v -> nulls.put(v, null));
                        return next.push(nulls);
                    }
                    return true;
                }
            };
        }

        private Sink unwind(Clause.Unwind u, Sink next) {
            return new Stage(next) {
                @Override
                boolean accept(Map<String, Object> row) {
                    Object list = evaluator.eval(u.list(), row);
                    List<?> elements = list == null ? List.of() : list instanceof List<?> l ? l : List.of(list);
                    for (Object e : elements) {
                        budget.tick();
                        Map<String, Object> out = new LinkedHashMap<>(row);
                        out.put(u.variable(), e);
                        if (!next.push(out)) {
                            return false;
                        }
                    }
                    return true;
                }
            };
        }

        private Sink call(Clause.Call call, boolean standalone, Sink next) {
            Procedures.Signature signature = signature(call);
            List<YieldItem> yields = call.yieldAll() || call.yields() == null && standalone
                    ? signature.outputNames().stream().map(f -> new YieldItem(f, f)).toList()
                    : call.yields() == null ? List.of() : call.yields();
            return new Stage(next) {
                @Override
                boolean accept(Map<String, Object> row) {
                    List<Object> arguments = arguments(call, signature, row);
                    List<Map<String, Object>> records = procedures.call(call.procedureName(), arguments, budget);
                    if (signature.isVoid()) {
                        // a standalone call answers nothing, a call in a query leaves the row as it was
                        return !standalone && next.push(row);
                    }
                    budget.hold(records.size());
                    for (Map<String, Object> record : records) {
                        Map<String, Object> out = new LinkedHashMap<>(row);
                        for (YieldItem y : yields) {
                            out.put(y.variable(), Values.of(record.get(y.field())));
                        }
                        if ((call.where() == null || evaluator.test(call.where(), out)) && !next.push(out)) {
                            return false;
                        }
                    }
                    return true;
                }
            };
        }

        /** The arguments of a call, from its expressions or (without parentheses) from the parameters of the inputs' names, typed. */
        private List<Object> arguments(Clause.Call call, Procedures.Signature signature, Map<String, Object> row) {
            List<Object> arguments = new ArrayList<>(signature.inputs().size());
            for (int i = 0; i < signature.inputs().size(); i++) {
                Procedures.Field input = signature.inputs().get(i);
                Expression e = call.arguments() == null ? new Expression.Parameter(input.name()) : call.arguments().get(i);
                Object v = evaluator.eval(e, row);
                if (!input.type().accepts(v)) {
                    throw new CypherRuntimeException("InvalidArgumentType", call.procedureName() + "'s input " + input.name() + " is "
                            + input.type() + ", not " + Values.typeName(v));
                }
                arguments.add(input.type().convert(v));
            }
            return arguments;
        }

        /**
         * {@code WITH} (with its {@code WHERE}) and {@code RETURN}: project, aggregate, make distinct,
         * sort, skip and limit, in that order. Without aggregation or ORDER BY the rows stream through;
         * ORDER BY with a LIMIT keeps only the first SKIP + LIMIT rows as they come.
         */
        private Sink projection(Projection p, Expression where, Set<String> scope, Sink next) {
            List<String> columns = Projections.columns(p, scope);
            List<Expression> expressions = Projections.expressions(p, scope);
            boolean aggregating = expressions.stream().anyMatch(Projections::aggregates);
            // after DISTINCT or aggregation only the columns are left; a plain projection still sees the variables before it
            boolean keepsScope = !aggregating && !p.distinct();
            Expression filter = where == null ? null : Projections.substitute(where, columns, expressions);
            List<Expression> keys = p.orderBy().stream().map(s -> Projections.substitute(s.expression(), columns, expressions)).toList();
            long skip = p.skip() == null ? 0 : count(p.skip(), "SKIP");
            long limit = p.limit() == null ? Long.MAX_VALUE : count(p.limit(), "LIMIT");
            Set<Semantics.Key> seen = p.distinct() ? new HashSet<>() : null;
            Aggregation aggregation = aggregating ? new Aggregation(evaluator, columns, expressions, budget) : null;
            long kept = limit == Long.MAX_VALUE || skip + limit < 0 ? Long.MAX_VALUE : skip + limit;
            Sorter sorter = keys.isEmpty() ? null : new Sorter(p.orderBy(), keys, kept);
            return new Sink() {
                private long skipped;
                private long emitted;
                private boolean done = limit == 0;

                @Override
                public boolean push(Map<String, Object> row) {
                    if (done) {
                        return false;
                    }
                    if (aggregation != null) {
                        aggregation.add(row);
                        return true;
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        out.put(columns.get(i), evaluator.eval(expressions.get(i), row));
                    }
                    if (seen != null) {
                        if (!seen.add(new Semantics.Key(new ArrayList<>(out.values())))) {
                            return true;
                        }
                        budget.hold(seen.size());
                    }
                    // what WHERE and ORDER BY read
                    Map<String, Object> visible = keepsScope && (filter != null || sorter != null) ? merged(row, out) : out;
                    if (sorter != null) {
                        sorter.add(out, visible);
                        return true;
                    }
                    return emit(out, visible);
                }

                /** Skips, limits, filters and passes on one projected row; false once no more are wanted. */
                private boolean emit(Map<String, Object> out, Map<String, Object> visible) {
                    if (skipped < skip) {
                        skipped++;
                        return true;
                    }
                    emitted++;
                    boolean more = filter == null || evaluator.test(filter, visible) ? next.push(out) : true;
                    done = !more || emitted >= limit;
                    return !done;
                }

                @Override
                public void finish() {
                    if (aggregation != null) {
                        for (Map<String, Object> out : aggregation.result()) {
                            if (seen != null && !seen.add(new Semantics.Key(new ArrayList<>(out.values())))) {
                                continue;
                            }
                            if (sorter != null) {
                                sorter.add(out, out);
                            } else if (done || !emit(out, out)) {
                                break;
                            }
                        }
                    }
                    if (sorter != null) {
                        for (Sorter.Entry e : sorter.sorted()) {
                            if (done || !emit(e.out(), e.visible())) {
                                break;
                            }
                        }
                    }
                    next.finish();
                }
            };
        }

        /**
         * The rows of an ORDER BY, each with its sort keys evaluated once. With a bound (SKIP + LIMIT) only
         * the first that many in order are kept, in a heap; ties keep the order the rows came in.
         */
        private final class Sorter {
            record Entry(Object[] keys, Map<String, Object> out, Map<String, Object> visible, long seq) {
            }

            private final List<Expression> keys;
            private final long bound;
            private final Comparator<Entry> order;
            /** The first {@code bound} rows so far, the last of them on top; null without a bound. */
            private final PriorityQueue<Entry> top;
            /** Every row, without a bound. */
            private final List<Entry> all;
            private long seq;

            Sorter(List<Projection.SortItem> items, List<Expression> keys, long bound) {
                this.keys = keys;
                this.bound = bound;
                this.order = (a, b) -> {
                    for (int k = 0; k < keys.size(); k++) {
                        int c = Semantics.ORDER.compare(a.keys()[k], b.keys()[k]);
                        if (c != 0) {
                            return items.get(k).descending() ? -c : c;
                        }
                    }
                    return Long.compare(a.seq(), b.seq());
                };
                this.top = bound == Long.MAX_VALUE ? null : new PriorityQueue<>(order.reversed());
                this.all = top == null ? new ArrayList<>() : null;
            }

            void add(Map<String, Object> out, Map<String, Object> visible) {
                Object[] values = new Object[keys.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = evaluator.eval(keys.get(k), visible);
                }
                Entry e = new Entry(values, out, visible, seq++);
                if (top == null) {
                    all.add(e);
                    budget.hold(all.size());
                    return;
                }
                top.add(e);
                if (top.size() > bound) {
                    top.poll();
                }
                budget.hold(top.size());
            }

            List<Entry> sorted() {
                List<Entry> out = new ArrayList<>(top == null ? all : top);
                out.sort(order);
                return out;
            }
        }

        /**
         * The value of a SKIP or LIMIT (the checker made sure it reads no rows): an integer; a negative one
         * can only come from a parameter, and takes nothing away for SKIP and nothing at all for LIMIT.
         */
        private long count(Expression e, String clause) {
            Object v = evaluator.eval(e, Map.of());
            if (!(v instanceof Long l)) {
                throw new CypherRuntimeException("InvalidArgumentType", clause + " needs an integer, not " + Values.typeName(v));
            }
            return Math.max(0, l);
        }
    }

    private static Map<String, Object> merged(Map<String, Object> row, Map<String, Object> out) {
        Map<String, Object> merged = new LinkedHashMap<>(row);
        merged.putAll(out);
        return merged;
    }

    /** A clause that handles each row on its own and passes finish on; it stops asking once the next one wants no more. */
    private abstract static class Stage implements Sink {
        private final Sink next;
        private boolean done;

        Stage(Sink next) {
            this.next = next;
        }

        abstract boolean accept(Map<String, Object> row);

        @Override
        public final boolean push(Map<String, Object> row) {
            if (done) {
                return false;
            }
            done = !accept(row);
            return !done;
        }

        @Override
        public final void finish() {
            next.finish();
        }
    }

    /** The answer: the rows that reach the end, in the order of the columns. */
    private static final class Answer implements Sink {
        private final List<String> columns;
        private final RowBudget budget;
        private final List<List<Object>> rows = new ArrayList<>();

        Answer(List<String> columns, RowBudget budget) {
            this.columns = columns;
            this.budget = budget;
        }

        @Override
        public boolean push(Map<String, Object> row) {
            List<Object> values = new ArrayList<>(columns.size());
            for (String c : columns) {
                values.add(row.get(c));
            }
            rows.add(values);
            budget.hold(rows.size());
            return true;
        }

        @Override
        public void finish() {
            // the rows are the answer
        }
    }
}
