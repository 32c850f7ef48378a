package io.grapholap.server.config;

import io.grapholap.rest.health.LivenessSettings;
import io.grapholap.rest.web.BodyLimits;
import io.grapholap.server.settings.DatasetsProperties;
import io.grapholap.server.settings.EndpointsProperties;
import io.grapholap.server.settings.LivenessProperties;
import io.grapholap.server.settings.RestppProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The settings the REST adapter reads, from the settings records of their families. */
@Factory
final class RestAdapterSettings {

    @Singleton
    BodyLimits bodyLimits(DatasetsProperties datasets, RestppProperties restpp, EndpointsProperties endpoints) {
        return new BodyLimits(datasets.maxBodyBytes(), restpp.maxBodyBytes(), endpoints.maxBodyBytes());
    }

    @Singleton
    LivenessSettings livenessSettings(LivenessProperties liveness) {
        return new LivenessSettings(liveness.unhealthyAfter(), liveness.exitAfter());
    }
}
