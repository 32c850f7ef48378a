package io.grapholap.cypher.exec;

import java.util.function.BooleanSupplier;

/**
 * The bounds of one query: the rows any clause may hold at once, and a stop (timeout or cancellation)
 * checked as the matcher walks. Exceeding the rows is a {@link CypherLimitException}; a stop is a
 * {@link CypherStoppedException}.
 */
public final class RowBudget {

    private final long maxRows;
    private final BooleanSupplier stopped;
    private long ticks;

    public RowBudget(long maxRows, BooleanSupplier stopped) {
        this.maxRows = maxRows;
        this.stopped = stopped;
    }

    /** A budget with no stop, for tests and tools. */
    public static RowBudget of(long maxRows) {
        return new RowBudget(maxRows, () -> false);
    }

    public long maxRows() {
        return maxRows;
    }

    /** One step of work; every 4,096 steps the stop is looked at, and a {@link CypherStoppedException} thrown when it fired. */
    public void tick() {
        if ((++ticks & 0xFFF) == 0 && stopped.getAsBoolean()) {
            throw new CypherStoppedException();
        }
    }

    /** A clause (or a procedure) now holds {@code rows} rows: more than the budget is a {@link CypherLimitException}. */
    public void hold(long rows) {
        if (rows > maxRows) {
            throw new CypherLimitException(maxRows);
        }
        tick();
    }

    /** The query held more rows than its budget at some point. */
    public static final class CypherLimitException extends RuntimeException {
        private final long limit;

        CypherLimitException(long limit) {
            super("the query would hold more than " + limit + " intermediate rows (the row limit); narrow the pattern or aggregate earlier");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** The query was stopped: its time ran out or it was cancelled. */
    public static final class CypherStoppedException extends RuntimeException {
        CypherStoppedException() {
            super("the query was stopped");
        }
    }
}
