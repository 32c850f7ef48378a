package io.grapholap.application.schema;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import java.time.Instant;

/** Admin operations on the schema cache: reload it now, and report what it holds. */
public final class RefreshSchemaCache {

    private final SchemaCache cache;

    public RefreshSchemaCache(SchemaCache cache) {
        this.cache = cache;
    }

    public record Stats(int catalogs, int schemas, int tables, long columns, Instant lastRefresh,
                        long lastRefreshMillis, long refreshCount, String lastError) {
    }

    public Stats refresh(Actor actor) {
        actor.require(Role.ADMIN);
        cache.refresh();
        return stats();
    }

    /** Refresh on a schedule: no caller to check. The stats say whether it failed ({@code lastError}). */
    public Stats refreshScheduled() {
        cache.refresh();
        return stats();
    }

    public Stats stats(Actor actor) {
        actor.require(Role.ADMIN);
        return stats();
    }

    private Stats stats() {
        SchemaCache.Loaded view = cache.view();
        var catalogs = new java.util.HashSet<String>();
        var schemas = new java.util.HashSet<String>();
        long columns = 0;
        for (SourceCatalog.TableEntry t : view.tables()) {
            catalogs.add(t.catalog());
            schemas.add(t.catalog() + "\u0000" + t.schema());
            columns += t.columns().size();
        }
        return new Stats(catalogs.size(), schemas.size(), view.tables().size(), columns, view.loadedAt(),
                view.durationMillis(), cache.refreshCount(), cache.lastError());
    }
}
