package io.grapholap.application.common;

import io.grapholap.domain.error.RateLimitedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts work in progress, in total and per key (a user, an organisation), and refuses a new piece
 * past either bound at once with 429 {@code CONCURRENCY_LIMIT_EXCEEDED}. Thread-safe; a key's counter
 * stays once created (one small object per user or organisation that ever did such work).
 */
public final class ConcurrencyLimit {

    /** Held while the work runs; closing it (once) gives its place back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final String what;
    private final int total;
    private final int perKey;
    private final String keyKind;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();

    /**
     * {@code what} names the work in refusals ("function runs"); {@code keyKind} names the keys
     * ("user"); {@code total} may be {@link Integer#MAX_VALUE} for no overall bound.
     */
    public ConcurrencyLimit(String what, String keyKind, int total, int perKey) {
        if (total < 1 || perKey < 1) {
            throw new IllegalArgumentException(what + ": the limits must be positive, got total=" + total + " per " + keyKind
                    + "=" + perKey);
        }
        this.what = what;
        this.keyKind = keyKind;
        this.total = total;
        this.perKey = perKey;
    }

    public Permit acquire(String key) {
        AtomicInteger mine = byKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (mine.incrementAndGet() > perKey) {
            mine.decrementAndGet();
            throw refused(keyKind + " " + key + " already has " + perKey + " " + what + " going");
        }
        if (running.incrementAndGet() > total) {
            running.decrementAndGet();
            mine.decrementAndGet();
            throw refused("the server already has " + total + " " + what + " going");
        }
        AtomicInteger once = new AtomicInteger();
        return () -> {
            if (once.getAndIncrement() == 0) {
                running.decrementAndGet();
                mine.decrementAndGet();
            }
        };
    }

    /** Work in progress now. */
    public int running() {
        return running.get();
    }

    private static RateLimitedException refused(String message) {
        return new RateLimitedException("CONCURRENCY_LIMIT_EXCEEDED", message + "; try again shortly", 1);
    }
}
