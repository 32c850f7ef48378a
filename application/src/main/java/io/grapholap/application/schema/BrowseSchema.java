package io.grapholap.application.schema;

import io.grapholap.application.schema.SourceCatalog.ColumnEntry;
import io.grapholap.application.schema.SourceCatalog.TableEntry;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Browses the cached source catalog: catalogs, schemas, tables, columns, and prefix search of
 * table and column names. Names match case-insensitively; lists come back sorted by name, columns
 * in ordinal order.
 */
public final class BrowseSchema {

    public static final int MAX_SEARCH_LIMIT = 1000;
    public static final int DEFAULT_SEARCH_LIMIT = 100;

    private final SchemaCache cache;

    public BrowseSchema(SchemaCache cache) {
        this.cache = cache;
    }

    public record CatalogSummary(String catalog, int schemaCount) {
    }

    public record SchemaSummary(String catalog, String schema, int tableCount) {
    }

    public record TableSummary(String catalog, String schema, String table, String type, int columnCount) {
        static TableSummary of(TableEntry t) {
            return new TableSummary(t.catalog(), t.schema(), t.table(), t.type(), t.columns().size());
        }
    }

    public record ColumnSummary(String catalog, String schema, String table, ColumnEntry column) {
    }

    public List<CatalogSummary> catalogs() {
        Map<String, java.util.Set<String>> schemas = new TreeMap<>();
        for (TableEntry t : tables()) {
            schemas.computeIfAbsent(t.catalog(), k -> new java.util.HashSet<>()).add(t.schema());
        }
        return schemas.entrySet().stream().map(e -> new CatalogSummary(e.getKey(), e.getValue().size())).toList();
    }

    public List<SchemaSummary> schemas(String catalog) {
        List<TableEntry> inCatalog = tables().stream().filter(t -> t.catalog().equalsIgnoreCase(catalog)).toList();
        if (inCatalog.isEmpty()) {
            throw new NotFoundException("catalog", catalog);
        }
        Map<String, Integer> counts = new TreeMap<>();
        inCatalog.forEach(t -> counts.merge(t.schema(), 1, Integer::sum));
        String name = inCatalog.getFirst().catalog();
        return counts.entrySet().stream().map(e -> new SchemaSummary(name, e.getKey(), e.getValue())).toList();
    }

    public List<TableSummary> tables(String catalog, String schema) {
        schemas(catalog);
        List<TableSummary> found = tables().stream()
                .filter(t -> t.catalog().equalsIgnoreCase(catalog) && t.schema().equalsIgnoreCase(schema))
                .sorted(Comparator.comparing(TableEntry::table))
                .map(TableSummary::of).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("schema", catalog + "." + schema);
        }
        return found;
    }

    public List<ColumnSummary> columns(String catalog, String schema, String table) {
        TableEntry entry = tables().stream()
                .filter(t -> t.catalog().equalsIgnoreCase(catalog) && t.schema().equalsIgnoreCase(schema)
                        && t.table().equalsIgnoreCase(table))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("table", catalog + "." + schema + "." + table));
        return entry.columns().stream()
                .sorted(Comparator.comparingInt(ColumnEntry::ordinalPosition))
                .map(c -> new ColumnSummary(entry.catalog(), entry.schema(), entry.table(), c)).toList();
    }

    public List<TableSummary> searchTables(String pattern, Integer limit) {
        String prefix = prefix(pattern);
        int max = limit(limit);
        return tables().stream()
                .filter(t -> t.table().toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(Comparator.comparing(TableEntry::table).thenComparing(TableEntry::schema).thenComparing(TableEntry::catalog))
                .limit(max)
                .map(TableSummary::of).toList();
    }

    public List<ColumnSummary> searchColumns(String pattern, Integer limit) {
        String prefix = prefix(pattern);
        int max = limit(limit);
        List<ColumnSummary> found = new ArrayList<>();
        for (TableEntry t : tables()) {
            for (ColumnEntry c : t.columns()) {
                if (c.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    found.add(new ColumnSummary(t.catalog(), t.schema(), t.table(), c));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparing((ColumnSummary c) -> c.column().name()).thenComparing(ColumnSummary::table)
                        .thenComparing(ColumnSummary::schema).thenComparing(ColumnSummary::catalog))
                .limit(max).toList();
    }

    private List<TableEntry> tables() {
        return cache.view().tables();
    }

    private static String prefix(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new ValidationException("q", "q (the name prefix to search for) is required");
        }
        if (pattern.length() > 255) {
            throw new ValidationException("q", "q must be at most 255 characters");
        }
        return pattern.trim().toLowerCase(Locale.ROOT);
    }

    private static int limit(Integer limit) {
        int value = limit == null ? DEFAULT_SEARCH_LIMIT : limit;
        if (value < 1 || value > MAX_SEARCH_LIMIT) {
            throw new ValidationException("limit", "limit must be between 1 and " + MAX_SEARCH_LIMIT + ", got " + value);
        }
        return value;
    }
}
