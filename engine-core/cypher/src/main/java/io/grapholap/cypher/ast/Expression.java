package io.grapholap.cypher.ast;

import java.util.List;

/** An expression of the query language. */
public sealed interface Expression {

    /** The expressions directly inside this one, in the order written (patterns' property maps excluded). */
    default List<Expression> children() {
        List<Expression> c = new java.util.ArrayList<>();
        switch (this) {
            case ListLiteral l -> c.addAll(l.elements());
            case MapLiteral m -> c.addAll(m.values());
            case Property p -> c.add(p.subject());
            case HasLabels h -> c.add(h.subject());
            case Binary b -> {
                c.add(b.left());
                c.add(b.right());
            }
            case Not n -> c.add(n.operand());
            case Negate n -> c.add(n.operand());
            case IsNull n -> c.add(n.operand());
            case Subscript s -> {
                c.add(s.subject());
                c.add(s.index());
            }
            case Slice s -> {
                c.add(s.subject());
                c.add(s.from());
                c.add(s.to());
            }
            case FunctionCall f -> c.addAll(f.arguments());
            case Case k -> {
                c.add(k.subject());
                c.addAll(k.whens());
                c.addAll(k.thens());
                c.add(k.otherwise());
            }
            case ListComprehension l -> {
                c.add(l.list());
                c.add(l.where());
                c.add(l.projection());
            }
            case Quantified q -> {
                c.add(q.list());
                c.add(q.where());
            }
            case PatternComprehension p -> {
                c.add(p.where());
                c.add(p.projection());
            }
            default -> {
            }
        }
        c.removeIf(java.util.Objects::isNull);
        return c;
    }

    /** A constant: {@code Long}, {@code Double}, {@code String}, {@code Boolean} or null. */
    record Literal(Object value) implements Expression {
    }

    /** {@code [e1, e2, …]}. */
    record ListLiteral(List<Expression> elements) implements Expression {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {key: value, …}} with the keys in the order written. */
    record MapLiteral(List<String> keys, List<Expression> values) implements Expression {
        public MapLiteral {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code $name} (or {@code $0}). */
    record Parameter(String name) implements Expression {
    }

    /** A variable, with where it is used (for "unknown variable" messages); the position takes no part in equality. */
    record Variable(String name, Position position) implements Expression {
        @Override
        public boolean equals(Object o) {
            return o instanceof Variable v && v.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** {@code subject.key}. */
    record Property(Expression subject, String key) implements Expression {
    }

    /** {@code subject:Label1:Label2}: true when the node has every label. */
    record HasLabels(Expression subject, List<String> labels) implements Expression {
        public HasLabels {
            labels = List.copyOf(labels);
        }
    }

    /** The binary operators, loosest binding first. */
    enum BinaryOperator {
        OR("OR"), XOR("XOR"), AND("AND"),
        EQ("="), NEQ("<>"), LT("<"), GT(">"), LTE("<="), GTE(">="), REGEX_MATCH("=~"),
        STARTS_WITH("STARTS WITH"), ENDS_WITH("ENDS WITH"), CONTAINS("CONTAINS"), IN("IN"),
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), POWER("^");

        private final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** {@code left op right}. A chain {@code a < b < c} is {@code a < b AND b < c}. */
    record Binary(BinaryOperator operator, Expression left, Expression right) implements Expression {
    }

    /** {@code NOT operand}. */
    record Not(Expression operand) implements Expression {
    }

    /** {@code -operand}. */
    record Negate(Expression operand) implements Expression {
    }

    /** {@code operand IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
    record IsNull(Expression operand, boolean negated) implements Expression {
    }

    /** {@code subject[index]}: a list element or a map value. */
    record Subscript(Expression subject, Expression index) implements Expression {
    }

    /** {@code subject[from..to]}; either bound may be null. */
    record Slice(Expression subject, Expression from, Expression to) implements Expression {
    }

    /** {@code name(args)} or {@code name(DISTINCT args)}; {@code name} holds the namespace parts, as written. */
    record FunctionCall(List<String> name, boolean distinct, List<Expression> arguments, Position position) implements Expression {
        public FunctionCall {
            name = List.copyOf(name);
            arguments = List.copyOf(arguments);
        }

        public String qualifiedName() {
            return String.join(".", name);
        }

        /** Calls are equal when they call the same function the same way, wherever they stand. */
        @Override
        public boolean equals(Object o) {
            return o instanceof FunctionCall f && f.qualifiedName().equalsIgnoreCase(qualifiedName()) && f.distinct == distinct
                    && f.arguments.equals(arguments);
        }

        @Override
        public int hashCode() {
            return qualifiedName().toLowerCase(java.util.Locale.ROOT).hashCode() * 31 + arguments.hashCode();
        }
    }

    /** {@code count(*)}. */
    record CountStar() implements Expression {
    }

    /**
     * {@code CASE [subject] WHEN … THEN … [ELSE …] END}: with a subject, each {@code when} is compared
     * with it; without, each is a predicate. {@code otherwise} is null when there is no {@code ELSE}.
     */
    record Case(Expression subject, List<Expression> whens, List<Expression> thens, Expression otherwise) implements Expression {
        public Case {
            whens = List.copyOf(whens);
            thens = List.copyOf(thens);
        }
    }

    /** {@code [variable IN list WHERE predicate | projection]}; {@code where} and {@code projection} may be null. */
    record ListComprehension(String variable, Expression list, Expression where, Expression projection) implements Expression {
    }

    /** {@code [p = pattern WHERE predicate | projection]}; {@code pattern.variable()} names the path. */
    record PatternComprehension(PatternPart pattern, Expression where, Expression projection) implements Expression {
    }

    /** The list predicates {@code all}, {@code any}, {@code none} and {@code single}. */
    enum Quantifier {
        ALL, ANY, NONE, SINGLE
    }

    /** {@code quantifier(variable IN list WHERE predicate)}. */
    record Quantified(Quantifier quantifier, String variable, Expression list, Expression where) implements Expression {
    }

    /** A pattern used as a predicate: true when it matches at least once. */
    record PatternPredicate(PatternPart pattern) implements Expression {
    }
}
