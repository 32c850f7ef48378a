package io.grapholap.persistence.source;

import io.grapholap.application.schema.SourceCatalog;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads tables and columns from the source's JDBC metadata in two calls (all tables, then all
 * columns), leaving out the system schemas of H2 and PostgreSQL.
 */
@Singleton
final class JdbcSourceCatalog implements SourceCatalog {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast");

    private final SourcePool pool;

    JdbcSourceCatalog(SourcePool pool) {
        this.pool = pool;
    }

    @Override
    public List<TableEntry> read() {
        try (Connection c = pool.connection()) {
            DatabaseMetaData md = c.getMetaData();
            String fallbackCatalog = c.getCatalog() == null ? "default" : c.getCatalog();
            Map<String, String[]> tables = new LinkedHashMap<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String catalog = rs.getString("TABLE_CAT") == null ? fallbackCatalog : rs.getString("TABLE_CAT");
                    String table = rs.getString("TABLE_NAME");
                    tables.put(key(catalog, schema, table), new String[] {catalog, schema, table, rs.getString("TABLE_TYPE")});
                }
            }
            Map<String, List<ColumnEntry>> columns = new LinkedHashMap<>();
            try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String catalog = rs.getString("TABLE_CAT") == null ? fallbackCatalog : rs.getString("TABLE_CAT");
                    String k = key(catalog, rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
                    if (tables.containsKey(k)) {
                        columns.computeIfAbsent(k, x -> new ArrayList<>()).add(new ColumnEntry(rs.getString("COLUMN_NAME"),
                                rs.getString("TYPE_NAME"), rs.getInt("ORDINAL_POSITION"),
                                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                    }
                }
            }
            List<TableEntry> entries = new ArrayList<>(tables.size());
            tables.forEach((k, t) -> entries.add(new TableEntry(t[0], t[1], t[2], typeName(t[3]), columns.getOrDefault(k, List.of()))));
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the source catalog: " + e.getMessage(), e);
        }
    }

    private static String typeName(String jdbcType) {
        return jdbcType == null ? "TABLE" : jdbcType.equals("BASE TABLE") ? "TABLE" : jdbcType;
    }

    private static String key(String catalog, String schema, String table) {
        return catalog + "\u0000" + schema + "\u0000" + table;
    }
}
