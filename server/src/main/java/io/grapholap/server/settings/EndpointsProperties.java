package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code grapholap.endpoints}: {@code max-body-bytes} (1048576) of a custom endpoint's request body. */
@Context
@ConfigurationProperties("grapholap.endpoints")
public record EndpointsProperties(@Bindable(defaultValue = "1048576") int maxBodyBytes) {

    public EndpointsProperties {
        Check.atLeast("grapholap.endpoints.max-body-bytes", maxBodyBytes, 1);
    }
}
