package io.grapholap.persistence.source;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole of what the source database said about a failed statement, on one line: every line of
 * its message (PostgreSQL puts the hint and the position on lines of their own; H2 puts the
 * statement after its first line), the messages of chained exceptions, and the SQLSTATE. Nothing is
 * cut: the user needs all of it to fix the SQL.
 */
final class SourceErrors {

    private SourceErrors() {
    }

    static String message(SQLException failure) {
        Set<String> parts = new LinkedHashSet<>();
        String state = null;
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e.getMessage() != null) {
                parts.add(oneLine(e.getMessage()));
            }
            if (state == null) {
                state = e.getSQLState();
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        if (parts.isEmpty()) {
            return "the source rejected the query" + (state == null ? "" : " (SQLSTATE " + state + ")");
        }
        return String.join("; ", parts) + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    private static String oneLine(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return String.join(" ", lines);
    }
}
