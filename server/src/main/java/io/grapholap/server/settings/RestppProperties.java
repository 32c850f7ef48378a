package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code grapholap.restpp}: {@code max-body-bytes} (8388608) of a REST++ query body. */
@Context
@ConfigurationProperties("grapholap.restpp")
public record RestppProperties(@Bindable(defaultValue = "8388608") int maxBodyBytes) {

    public RestppProperties {
        Check.atLeast("grapholap.restpp.max-body-bytes", maxBodyBytes, 1);
    }
}
