package io.grapholap.server.config;

import io.grapholap.application.health.CheckReadiness;
import io.grapholap.application.health.ReadinessProbe;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Wires the framework-free use cases of the platform as beans. Each use case gets its ports by
 * constructor; the adapters that implement the ports are beans of their own modules.
 */
@Factory
final class PlatformUseCases {

    @Singleton
    CheckReadiness checkReadiness(List<ReadinessProbe> probes) {
        return new CheckReadiness(probes);
    }
}
