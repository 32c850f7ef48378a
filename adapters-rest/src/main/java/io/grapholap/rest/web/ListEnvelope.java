package io.grapholap.rest.web;

import io.grapholap.application.common.Page;
import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.function.Function;

/** A page of resources in the platform envelope: {@code {"data": […], "meta": {total, offset, limit}}}. */
@Introspected
public record ListEnvelope<T>(List<T> data, Meta meta) {

    public static <D, T> ListEnvelope<T> of(Page<D> page, Function<? super D, ? extends T> toWeb) {
        return new ListEnvelope<>(page.items().stream().<T>map(toWeb).toList(),
                new Meta(page.total(), page.offset(), page.limit()));
    }

    /** A complete, unpaged list (versions of a mapping, say): total = size, offset 0. */
    public static <T> ListEnvelope<T> all(List<T> items) {
        return new ListEnvelope<>(items, new Meta(items.size(), 0, items.size()));
    }

    @Introspected
    public record Meta(long total, int offset, int limit) {
    }
}
