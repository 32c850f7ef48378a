package io.grapholap.rest.schema;

import io.grapholap.application.schema.BrowseSchema;
import io.grapholap.application.schema.RefreshSchemaCache;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

/** The SchemaResource of the platform API: the source catalog as cached by the server. */
@Controller("/api/schema")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "schema")
@PlatformErrors
final class SchemaController {

    private final BrowseSchema browse;
    private final RefreshSchemaCache refresh;

    SchemaController(BrowseSchema browse, RefreshSchemaCache refresh) {
        this.browse = browse;
        this.refresh = refresh;
    }

    @Introspected
    record CatalogWebModel(String catalogName, int schemaCount) {
    }

    @Introspected
    record SchemaWebModel(String catalogName, String schemaName, int tableCount) {
    }

    @Introspected
    record TableWebModel(String catalogName, String schemaName, String tableName, String tableType, int columnCount) {
        static TableWebModel from(BrowseSchema.TableSummary t) {
            return new TableWebModel(t.catalog(), t.schema(), t.table(), t.type(), t.columnCount());
        }
    }

    @Introspected
    record ColumnWebModel(String catalogName, String schemaName, String tableName, String columnName, String dataType,
                          int ordinalPosition, boolean isNullable) {
        static ColumnWebModel from(BrowseSchema.ColumnSummary c) {
            return new ColumnWebModel(c.catalog(), c.schema(), c.table(), c.column().name(), c.column().dataType(),
                    c.column().ordinalPosition(), c.column().nullable());
        }
    }

    @Introspected
    record CacheStatsWebModel(int totalCatalogs, int totalSchemas, int totalTables, long totalColumns, Instant lastRefresh,
                              long lastRefreshMs, long refreshCount, String lastError) {
        static CacheStatsWebModel from(RefreshSchemaCache.Stats s) {
            return new CacheStatsWebModel(s.catalogs(), s.schemas(), s.tables(), s.columns(), s.lastRefresh(),
                    s.lastRefreshMillis(), s.refreshCount(), s.lastError());
        }
    }

    @Introspected
    record RefreshWebModel(String status, CacheStatsWebModel stats) {
    }

    @Get("/catalogs")
    @Operation(summary = "List the source catalogs, sorted by name")
    ListEnvelope<CatalogWebModel> catalogs() {
        return ListEnvelope.all(browse.catalogs().stream().map(c -> new CatalogWebModel(c.catalog(), c.schemaCount())).toList());
    }

    @Get("/catalogs/{catalog}/schemas")
    @Operation(summary = "List the schemas of a catalog")
    ListEnvelope<SchemaWebModel> schemas(@PathVariable String catalog) {
        return ListEnvelope.all(browse.schemas(catalog).stream()
                .map(s -> new SchemaWebModel(s.catalog(), s.schema(), s.tableCount())).toList());
    }

    @Get("/catalogs/{catalog}/schemas/{schema}/tables")
    @Operation(summary = "List the tables and views of a schema")
    ListEnvelope<TableWebModel> tables(@PathVariable String catalog, @PathVariable String schema) {
        return ListEnvelope.all(browse.tables(catalog, schema).stream().map(TableWebModel::from).toList());
    }

    @Get("/catalogs/{catalog}/schemas/{schema}/tables/{table}/columns")
    @Operation(summary = "List the columns of a table in ordinal order")
    ListEnvelope<ColumnWebModel> columns(@PathVariable String catalog, @PathVariable String schema, @PathVariable String table) {
        return ListEnvelope.all(browse.columns(catalog, schema, table).stream().map(ColumnWebModel::from).toList());
    }

    @Get("/search/tables")
    @Operation(summary = "Tables whose name starts with q (case-insensitive); limit at most 1000")
    ListEnvelope<TableWebModel> searchTables(@Parameter(description = "the name prefix to search for", example = "cust") @QueryValue String q,
                                             @Nullable @QueryValue Integer limit) {
        return ListEnvelope.all(browse.searchTables(q, limit).stream().map(TableWebModel::from).toList());
    }

    @Get("/search/columns")
    @Operation(summary = "Columns whose name starts with q (case-insensitive); limit at most 1000")
    ListEnvelope<ColumnWebModel> searchColumns(@Parameter(description = "the name prefix to search for", example = "cust") @QueryValue String q,
                                               @Nullable @QueryValue Integer limit) {
        return ListEnvelope.all(browse.searchColumns(q, limit).stream().map(ColumnWebModel::from).toList());
    }

    @Post("/admin/refresh")
    @Operation(summary = "Reload the schema cache from the source now (admin)")
    DataEnvelope<RefreshWebModel> refresh(Actor actor) {
        return DataEnvelope.of(new RefreshWebModel("refreshed", CacheStatsWebModel.from(refresh.refresh(actor))));
    }

    @Get("/stats")
    @Operation(summary = "What the schema cache holds and when it was last refreshed (admin)")
    DataEnvelope<CacheStatsWebModel> stats(Actor actor) {
        return DataEnvelope.of(CacheStatsWebModel.from(refresh.stats(actor)));
    }
}
