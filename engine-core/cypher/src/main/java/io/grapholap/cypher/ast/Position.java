package io.grapholap.cypher.ast;

/** Where a construct starts in the query text: line and column from 1, offset from 0. */
public record Position(int line, int column, int offset) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
