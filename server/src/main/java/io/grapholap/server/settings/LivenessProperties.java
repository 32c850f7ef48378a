package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.liveness}: request handling stuck for {@code unhealthy-after}
 * (PT10S) makes {@code /health} answer 503; for {@code exit-after} (PT60S; PT0S: never) the process
 * halts with status 70.
 */
@Context
@ConfigurationProperties("grapholap.liveness")
public record LivenessProperties(@Bindable(defaultValue = "PT10S") Duration unhealthyAfter,
                                 @Bindable(defaultValue = "PT60S") Duration exitAfter) {

    public LivenessProperties {
        Check.positive("grapholap.liveness.unhealthy-after", unhealthyAfter);
        Check.notNegative("grapholap.liveness.exit-after", exitAfter);
    }
}
