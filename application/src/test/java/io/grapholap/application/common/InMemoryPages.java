package io.grapholap.application.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * List filters, order and pages of the in-memory repositories, as the metadata database gives them:
 * search is a case-insensitive substring of name or description, the created window includes its
 * start and excludes its end, rows sort by the requested key (nulls last ascending, first
 * descending) and then by id in the same direction, and timestamps keep microseconds.
 */
public final class InMemoryPages {

    private InMemoryPages() {
    }

    public static boolean matches(String search, String name, String description) {
        if (search == null) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(needle)
                || description != null && description.toLowerCase(Locale.ROOT).contains(needle);
    }

    public static boolean createdWithin(Instant createdAt, Instant from, Instant before) {
        return (from == null || !createdAt.isBefore(from)) && (before == null || createdAt.isBefore(before));
    }

    /** The page of {@code rows} (already filtered) sorted by {@code page.sortBy()}, one of {@code sortKeys}. */
    public static <T> Page<T> page(List<T> rows, PageRequest page, Map<String, Function<T, Comparable<?>>> sortKeys,
                                   ToLongFunction<T> id) {
        Function<T, Comparable<?>> key = sortKeys.get(page.sortBy());
        if (key == null) {
            throw new IllegalArgumentException("cannot sort by " + page.sortBy());
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<T> order = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(Comparator.naturalOrder()));
        order = order.thenComparingLong(id);
        if (page.descending()) {
            order = order.reversed();
        }
        List<T> sorted = rows.stream().sorted(order).toList();
        return new Page<>(sorted.stream().skip(page.offset()).limit(page.limit()).toList(), sorted.size(), page.offset(), page.limit());
    }

    /** {@code at} as the metadata database keeps it: to the microsecond. */
    public static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
