package io.grapholap.rest.health;

import java.time.Duration;

/**
 * When request handling counts as stuck: after {@code unhealthyAfter} {@code /health} answers 503;
 * after {@code exitAfter} (zero: never) the process halts. The server module binds them from
 * {@code grapholap.liveness.*}.
 */
public record LivenessSettings(Duration unhealthyAfter, Duration exitAfter) {
}
