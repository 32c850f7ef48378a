package io.grapholap.domain.snapshot;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a snapshot is in its life. The allowed moves are the table {@link #TRANSITIONS}:
 * pending → creating → ready | failed; pending → failed (a job that never started, e.g. the server
 * stopped); creating → pending (an interrupted export queued again); failed → pending (retry).
 * {@code ready} is final: a ready snapshot never changes its data.
 */
public enum SnapshotStatus {
    PENDING, CREATING, READY, FAILED;

    private static final Map<SnapshotStatus, Set<SnapshotStatus>> TRANSITIONS = Map.of(
            PENDING, EnumSet.of(CREATING, FAILED),
            CREATING, EnumSet.of(READY, FAILED, PENDING),
            READY, EnumSet.noneOf(SnapshotStatus.class),
            FAILED, EnumSet.of(PENDING));

    public boolean canMoveTo(SnapshotStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether an export job may still be working on (or owe) this snapshot. */
    public boolean unfinished() {
        return this == PENDING || this == CREATING;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive); {@code field} names the offending input. */
    public static SnapshotStatus parse(String field, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new io.grapholap.domain.error.ValidationException(field,
                    field + " must be one of pending, creating, ready, failed; got '" + value + "'");
        }
    }
}
