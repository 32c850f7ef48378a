package io.grapholap.application.udf;

import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.domain.error.ConflictException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dataset versions loaded for UDF runs, kept for the next run: at most {@code capacity} graphs, whose
 * estimated sizes together stay within {@code budgetBytes}. A load is admitted only when its
 * estimate (taken from the manifest before reading any data) fits once idle graphs are evicted,
 * least recently used first; otherwise it fails with MEMORY_LIMIT_EXCEEDED. A graph is closed when
 * it has been evicted and the last run using it has released it. Thread-safe; two runs asking for
 * the same version at once load it once.
 */
public final class LoadedDatasets implements AutoCloseable {

    private final int capacity;
    private final long budgetBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    public LoadedDatasets(int capacity, long budgetBytes) {
        this.capacity = capacity;
        this.budgetBytes = budgetBytes;
    }

    private record Key(String engine, String dataset, long version) {
    }

    private static final class Entry {
        final long bytes;
        GraphInstance graph;
        RuntimeException failure;
        int users;
        boolean evicted;

        Entry(long bytes) {
            this.bytes = bytes;
        }
    }

    /** A graph held for one run; {@link #close()} gives it back. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public GraphInstance graph() {
            return entry.graph;
        }

        @Override
        public void close() {
            synchronized (LoadedDatasets.this) {
                if (released) {
                    return;
                }
                released = true;
                entry.users--;
                closeIfDone(entry);
            }
        }
    }

    /** The graph of {@code dataset} on {@code engine}, loaded now or kept from an earlier run. */
    public Lease acquire(GraphEngine engine, String engineName, DatasetRef dataset, LoadOptions options) {
        Key key = new Key(engineName, dataset.id(), dataset.version());
        Entry entry;
        boolean load = false;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the UDF dataset cache is closed");
            }
            entry = entries.get(key);
            if (entry == null || entry.failure != null) {
                MemoryEstimate estimate = engine.estimate(dataset.directory(), options);
                long bytes = Math.max(estimate.peakHostBytes(), estimate.hostBytes()) + estimate.deviceBytes();
                makeRoom(bytes);
                entry = new Entry(bytes);
                if (capacity > 0) {
                    entries.put(key, entry);
                } else {
                    entry.evicted = true;
                }
                load = true;
            }
            entry.users++;
        }
        if (load) {
            try {
                GraphInstance graph = engine.load(dataset.directory(), options, ProgressListener.NONE, CancellationToken.create());
                synchronized (this) {
                    entry.graph = graph;
                    notifyAll();
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    entry.failure = e;
                    entry.users--;
                    entries.remove(key, entry);
                    notifyAll();
                }
                throw e;
            }
        } else {
            synchronized (this) {
                while (entry.graph == null && entry.failure == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        entry.users--;
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for dataset " + dataset.id() + " to load", e);
                    }
                }
                if (entry.failure != null) {
                    entry.users--;
                    throw entry.failure;
                }
            }
        }
        return new Lease(entry);
    }

    /** Bytes the kept graphs are estimated to hold. */
    public synchronized long heldBytes() {
        return entries.values().stream().mapToLong(e -> e.bytes).sum();
    }

    public synchronized int size() {
        return entries.size();
    }

    private void makeRoom(long bytes) {
        long held = heldBytes();
        Iterator<Map.Entry<Key, Entry>> lru = entries.entrySet().iterator();
        List<Entry> evict = new ArrayList<>();
        int count = entries.size();
        while ((held + bytes > budgetBytes || count >= capacity) && lru.hasNext()) {
            Entry candidate = lru.next().getValue();
            if (candidate.users == 0 && candidate.graph != null) {
                evict.add(candidate);
                held -= candidate.bytes;
                count--;
                lru.remove();
            }
        }
        evict.forEach(e -> {
            e.evicted = true;
            closeIfDone(e);
        });
        if (held + bytes > budgetBytes) {
            throw new ConflictException("MEMORY_LIMIT_EXCEEDED", "the dataset needs about " + bytes + " bytes but only "
                    + Math.max(0, budgetBytes - held) + " of the UDF memory budget (" + budgetBytes + ") are free",
                    Map.of("needed_bytes", bytes, "available_bytes", Math.max(0, budgetBytes - held), "budget_bytes", budgetBytes));
        }
    }

    private void closeIfDone(Entry entry) {
        if (entry.evicted && entry.users == 0 && entry.graph != null) {
            entry.graph.close();
            entry.graph = null;
        }
    }

    /** Closes every kept graph not in use now; graphs in use close when their runs release them. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Entry e : entries.values()) {
            e.evicted = true;
            closeIfDone(e);
        }
        entries.clear();
    }
}
