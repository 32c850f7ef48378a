package io.grapholap.cypher.ast;

import java.util.List;

/**
 * A path pattern: a start node and the relationships and nodes that follow it, optionally named
 * ({@code p = (a)-->(b)}; {@code variable} is null when not).
 */
public record PatternPart(String variable, NodePattern start, List<Step> steps) {

    public PatternPart {
        steps = List.copyOf(steps);
    }

    /** One hop (or variable-length hops) of a path pattern, and the node it reaches. */
    public record Step(RelationshipPattern relationship, NodePattern node) {
    }

    /** {@code (variable:Label1:Label2 {properties})}; every part may be absent (null or empty). */
    public record NodePattern(String variable, List<String> labels, Expression properties) {
        public NodePattern {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code -[variable:TYPE1|TYPE2*min..max {properties}]->}. {@code length} is null for a single hop;
     * for {@code *} its bounds are null where not given.
     */
    public record RelationshipPattern(String variable, Direction direction, List<String> types, Length length,
                                      Expression properties) {
        public RelationshipPattern {
            types = List.copyOf(types);
        }
    }

    /** Which way a relationship pattern points, as written from left to right. */
    public enum Direction {
        OUTGOING, INCOMING, EITHER
    }

    /** Bounds of a variable-length relationship; null where the text leaves them open. */
    public record Length(Long min, Long max) {
    }
}
