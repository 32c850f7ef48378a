package io.grapholap.application.config;

import java.time.Instant;

/** While {@code enabled}, creating resources answers 503 with {@code message}. */
public record MaintenanceMode(boolean enabled, String message, String changedBy, Instant changedAt) {

    public static final MaintenanceMode OFF = new MaintenanceMode(false, "", null, null);
}
