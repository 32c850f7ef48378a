package io.grapholap.domain.dataset;

import io.grapholap.domain.error.ValidationException;
import java.util.regex.Pattern;

/**
 * The name of an uploaded dataset, as it appears in {@code /graph/{name}} and
 * {@code /api/datasets/{name}}: a letter, then up to 127 letters, digits, {@code _}, {@code -} or
 * {@code .}. Names starting with {@code snapshot-} are reserved for snapshots, which are datasets
 * under the id {@code snapshot-<id>}.
 */
public record DatasetName(String value) {

    public static final String SNAPSHOT_PREFIX = "snapshot-";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

    public DatasetName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new ValidationException("dataset", "dataset name must be a letter followed by up to 127 letters, digits, "
                    + "'_', '-' or '.', got '" + shorten(value) + "'");
        }
        if (value.startsWith(SNAPSHOT_PREFIX)) {
            throw new ValidationException("dataset", "dataset names starting with '" + SNAPSHOT_PREFIX
                    + "' are reserved for snapshots");
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public String toString() {
        return value;
    }
}
