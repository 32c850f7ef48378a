package io.grapholap.application.graph.snapshot;

import java.util.regex.Pattern;

/** The keys of a {@link SnapshotStore}: plain segments of letters, digits, '.', '_' and '-' joined by '/'. */
public final class SnapshotKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private SnapshotKeys() {
    }

    /**
     * @throws IllegalArgumentException when {@code key} is blank, has an empty, {@code .} or {@code ..}
     *                                  segment, or a character outside the allowed set
     */
    public static void check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a snapshot key must not be empty");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("snapshot key '" + key + "' has an invalid segment '" + segment + "'");
            }
        }
    }
}
