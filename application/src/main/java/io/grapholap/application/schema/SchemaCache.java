package io.grapholap.application.schema;

import io.grapholap.application.schema.SourceCatalog.TableEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The source catalog held in memory. Reads never touch the source: they see the last complete
 * load (made on first use when none exists yet). A refresh replaces the whole view at once, so a
 * reader never sees half of one; concurrent refreshes run one at a time.
 */
public final class SchemaCache {

    private final SourceCatalog catalog;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile String lastError;

    public SchemaCache(SourceCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One complete load of the catalog. */
    public record Loaded(List<TableEntry> tables, Instant loadedAt, long durationMillis) {
        public Loaded {
            tables = List.copyOf(tables);
        }
    }

    public Loaded view() {
        Loaded loaded = current.get();
        return loaded != null ? loaded : refresh();
    }

    /** Reloads from the source; on failure the previous view stays and the error is remembered. */
    public synchronized Loaded refresh() {
        long started = System.nanoTime();
        try {
            List<TableEntry> tables = catalog.read();
            Loaded loaded = new Loaded(tables, clock.instant(), (System.nanoTime() - started) / 1_000_000);
            current.set(loaded);
            refreshes.incrementAndGet();
            lastError = null;
            return loaded;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            Loaded previous = current.get();
            if (previous == null) {
                throw e;
            }
            return previous;
        }
    }

    public long refreshCount() {
        return refreshes.get();
    }

    public String lastError() {
        return lastError;
    }

    /** The current view without loading one; null before the first load. */
    public Loaded peek() {
        return current.get();
    }
}
