package io.grapholap.server.config;

import io.grapholap.polyglot.GraalFunctionRuntime;
import io.grapholap.server.settings.UdfRuntimeProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the {@link io.grapholap.application.function.FunctionRuntime} bean, the GraalVM runtime of
 * the polyglot adapter; settings in {@link UdfRuntimeProperties}. Its pools start warming when the
 * bean is created, at start-up unless {@code grapholap.udf.runtime.warm-at-startup} is false (the
 * adapter's {@code RuntimeWarmer}).
 */
@Factory
final class FunctionRuntimeFactory {

    @Singleton
    @Bean(preDestroy = "close")
    GraalFunctionRuntime functionRuntime(UdfRuntimeProperties properties) {
        return new GraalFunctionRuntime(properties.settings());
    }
}
