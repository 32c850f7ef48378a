package io.grapholap.domain.instance;

import io.grapholap.domain.error.ValidationException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where an instance is in its life. Allowed moves ({@link #canMoveTo}): waiting_for_snapshot →
 * starting | failed | terminated; starting → running | failed | terminated; running → stopping |
 * starting (a reload after a restart) | failed; stopping → terminated. {@code terminated} and {@code failed} are final.
 */
public enum InstanceStatus {
    WAITING_FOR_SNAPSHOT, STARTING, RUNNING, STOPPING, TERMINATED, FAILED;

    private static final Map<InstanceStatus, Set<InstanceStatus>> TRANSITIONS = Map.of(
            WAITING_FOR_SNAPSHOT, EnumSet.of(STARTING, FAILED, TERMINATED),
            STARTING, EnumSet.of(RUNNING, FAILED, TERMINATED),
            RUNNING, EnumSet.of(STOPPING, STARTING, FAILED),
            STOPPING, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(InstanceStatus.class),
            FAILED, EnumSet.noneOf(InstanceStatus.class));

    /** The statuses that count against the concurrency limits and hold (or will hold) memory. */
    public static final Set<InstanceStatus> LIVE = EnumSet.of(WAITING_FOR_SNAPSHOT, STARTING, RUNNING, STOPPING);

    public boolean canMoveTo(InstanceStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean live() {
        return LIVE.contains(this);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive); {@code field} names the offending input. */
    public static InstanceStatus parse(String field, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, field + " must be one of waiting_for_snapshot, starting, running, stopping,"
                    + " terminated, failed; got '" + value + "'");
        }
    }
}
