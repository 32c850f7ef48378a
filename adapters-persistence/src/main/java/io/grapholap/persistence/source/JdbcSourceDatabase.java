package io.grapholap.persistence.source;

import io.grapholap.application.mapping.SourceDatabase;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes user SQL by running it as a zero-row probe: {@code SELECT * FROM (<sql>) q WHERE 1=0}
 * on a read-only connection with the source statement timeout. Wrapping as a sub-query also means
 * only queries can run, never statements that change data.
 */
@Singleton
final class JdbcSourceDatabase implements SourceDatabase {

    private final SourcePool pool;

    JdbcSourceDatabase(SourcePool pool) {
        this.pool = pool;
    }

    @Override
    public List<SourceColumn> describe(String sql) {
        String probe = "SELECT * FROM (" + strip(sql) + ") q WHERE 1=0";
        try (Connection c = pool.connection();
             PreparedStatement ps = c.prepareStatement(probe)) {
            ps.setQueryTimeout(pool.statementTimeoutSeconds());
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<SourceColumn> columns = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    int precision = md.getPrecision(i);
                    int scale = md.getScale(i);
                    ColumnKind kind = kind(md.getColumnType(i));
                    String typeName = md.getColumnTypeName(i);
                    if (kind == ColumnKind.DECIMAL && precision > 0) {
                        typeName = typeName + "(" + precision + "," + scale + ")";
                    }
                    columns.add(new SourceColumn(md.getColumnLabel(i), kind, typeName, precision, scale));
                }
                return columns;
            }
        } catch (SQLException e) {
            throw new SourceQueryException(SourceErrors.message(e), e);
        }
    }

    /** Trailing semicolons and blanks are accepted in user SQL; the probe wraps what is left. */
    static String strip(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static ColumnKind kind(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> ColumnKind.TEXT;
            case Types.TINYINT, Types.SMALLINT -> ColumnKind.INT16;
            case Types.INTEGER -> ColumnKind.INT32;
            case Types.BIGINT -> ColumnKind.INT64;
            case Types.NUMERIC, Types.DECIMAL -> ColumnKind.DECIMAL;
            case Types.REAL -> ColumnKind.FLOAT32;
            case Types.FLOAT, Types.DOUBLE -> ColumnKind.FLOAT64;
            case Types.BOOLEAN, Types.BIT -> ColumnKind.BOOLEAN;
            case Types.DATE -> ColumnKind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> ColumnKind.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIMESTAMP;
            default -> ColumnKind.OTHER;
        };
    }
}
