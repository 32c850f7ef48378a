package io.grapholap.rest.web;

import io.micronaut.core.annotation.Introspected;

/** A single resource in the platform envelope: {@code {"data": …}}. */
@Introspected
public record DataEnvelope<T>(T data) {

    public static <T> DataEnvelope<T> of(T data) {
        return new DataEnvelope<>(data);
    }
}
