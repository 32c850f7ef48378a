package io.grapholap.rest.web;

/**
 * The most bytes a route family reads from a request body; a larger body is 413. The server module
 * binds them from {@code grapholap.datasets.max-body-bytes} (dataset uploads and upserts),
 * {@code grapholap.restpp.max-body-bytes} (REST++ queries) and {@code grapholap.endpoints.max-body-bytes}
 * (custom endpoints).
 */
public record BodyLimits(long datasetBytes, int restppBytes, int endpointBytes) {

    public BodyLimits {
        if (datasetBytes < 1 || restppBytes < 1 || endpointBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
    }
}
