package io.grapholap.persistence;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a search whose filters are all optional: the total and the page's rows, read in one
 * connection with the same bound arguments. The SQL is built by the caller from fixed fragments;
 * values only ever travel as bound parameters.
 */
public final class PagedSql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private PagedSql() {
    }

    /**
     * The WHERE clause of a search: each filter given a null value adds nothing. Columns are named
     * with the table's alias prefix ({@code "m."} or {@code ""}).
     */
    public static final class Where {

        private final String prefix;
        private final StringBuilder sql = new StringBuilder(" WHERE 1=1");
        private final List<Object> args = new ArrayList<>();

        public Where(String prefix) {
            this.prefix = prefix;
        }

        public Where equal(String column, Object value) {
            if (value != null) {
                sql.append(" AND ").append(prefix).append(column).append(" = ?");
                args.add(value);
            }
            return this;
        }

        /** Name or description contains {@code text}, ignoring case. */
        public Where search(String text) {
            if (text != null) {
                sql.append(" AND (LOWER(").append(prefix).append("name) LIKE ? ESCAPE '!' OR LOWER(")
                        .append(prefix).append("description) LIKE ? ESCAPE '!')");
                String pattern = "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
                args.add(pattern);
                args.add(pattern);
            }
            return this;
        }

        public Where namePrefix(String start) {
            if (start != null) {
                sql.append(" AND ").append(prefix).append("name LIKE ? ESCAPE '!'");
                args.add(likeEscaped(start) + "%");
            }
            return this;
        }

        /** Created at or after {@code from} and before {@code before}. */
        public Where created(Instant from, Instant before) {
            if (from != null) {
                sql.append(" AND ").append(prefix).append("created_at >= ?");
                args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (before != null) {
                sql.append(" AND ").append(prefix).append("created_at < ?");
                args.add(OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            }
            return this;
        }

        @Override
        public String toString() {
            return sql.toString();
        }

        public List<Object> args() {
            return args;
        }
    }

    /**
     * Runs {@code countSql} and {@code selectSql} (which must not yet have its ORDER BY and LIMIT)
     * with {@code args}, ordered by the column that {@code sortColumns} gives the page's sort field,
     * ties broken by {@code idColumn}.
     */
    public static <T> Page<T> page(JdbcOperations jdbc, ConnectionOperations<Connection> connections, String countSql,
                                   String selectSql, List<Object> args, Map<String, String> sortColumns, String idColumn,
                                   PageRequest page, RowReader<T> reader) {
        String column = sortColumns.get(page.sortBy());
        if (column == null) {
            throw new IllegalArgumentException("unsupported sort field " + page.sortBy());
        }
        String direction = page.descending() ? " DESC" : " ASC";
        String sql = selectSql + " ORDER BY " + column + direction + ", " + idColumn + direction + " LIMIT ? OFFSET ?";
        return connections.executeRead(status -> {
            long total = jdbc.prepareStatement(countSql, ps -> {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            List<T> items = jdbc.prepareStatement(sql, ps -> {
                bind(ps, args);
                ps.setInt(args.size() + 1, page.limit());
                ps.setInt(args.size() + 2, page.offset());
                List<T> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(reader.read(rs));
                    }
                }
                return found;
            });
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    /** {@code text} for a {@code LIKE … ESCAPE '!'} pattern: its wildcards and the escape escaped. */
    public static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
