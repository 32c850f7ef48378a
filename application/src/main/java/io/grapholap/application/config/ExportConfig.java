package io.grapholap.application.config;

/** The longest one snapshot export may run before it is failed ({@code /api/config/export}, the Python SDK's ExportConfig). */
public record ExportConfig(long maxDurationSeconds) {

    public ExportConfig {
        if (maxDurationSeconds < 1) {
            throw new IllegalArgumentException("max_duration_seconds must be >= 1");
        }
    }
}
