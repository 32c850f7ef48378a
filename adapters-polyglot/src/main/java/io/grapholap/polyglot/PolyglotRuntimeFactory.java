package io.grapholap.polyglot;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Wires the {@link io.grapholap.application.function.FunctionRuntime} bean. It lives in this module
 * (like the engines' factories) because the REST adapter may not import another adapter. Settings
 * under {@code grapholap.udf.runtime}: {@code js-pool-size} (4), {@code python-pool-size} (2),
 * {@code max-records} (100000), {@code max-gremlin-rows} (10000), {@code max-live-heap-fraction}
 * (0.7), {@code check-timeout} (PT5S). The pools start warming when the bean is created, at start-up
 * unless {@code warm-at-startup} is false (see {@link RuntimeWarmer}).
 */
@Factory
public class PolyglotRuntimeFactory {

    @Singleton
    @Bean(preDestroy = "close")
    GraalFunctionRuntime functionRuntime(
            @Value("${grapholap.udf.runtime.js-pool-size:4}") int jsPoolSize,
            @Value("${grapholap.udf.runtime.python-pool-size:2}") int pythonPoolSize,
            @Value("${grapholap.udf.runtime.max-records:100000}") int maxRecords,
            @Value("${grapholap.udf.runtime.max-gremlin-rows:10000}") int maxGremlinRows,
            @Value("${grapholap.udf.runtime.max-live-heap-fraction:0.7}") double maxLiveHeapFraction,
            @Value("${grapholap.udf.runtime.check-timeout:PT5S}") String checkTimeout) {
        Duration check;
        try {
            check = Duration.parse(checkTimeout.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("grapholap.udf.runtime.check-timeout must be an ISO-8601 duration such as "
                    + "PT5S, got '" + checkTimeout + "'", e);
        }
        return new GraalFunctionRuntime(new PolyglotSettings(jsPoolSize, pythonPoolSize, maxRecords, maxGremlinRows,
                maxLiveHeapFraction, check));
    }
}
