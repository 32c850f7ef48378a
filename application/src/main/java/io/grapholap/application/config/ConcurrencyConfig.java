package io.grapholap.application.config;

/**
 * How many live instances one analyst and the whole server may hold ({@code /api/config/concurrency},
 * the Python SDK's ConcurrencyConfig).
 */
public record ConcurrencyConfig(int perAnalyst, int clusterTotal) {

    public ConcurrencyConfig {
        if (perAnalyst < 1 || clusterTotal < 1) {
            throw new IllegalArgumentException("concurrency limits must be >= 1");
        }
    }
}
