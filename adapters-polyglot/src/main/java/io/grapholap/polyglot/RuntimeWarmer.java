package io.grapholap.polyglot;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Creates the function runtime when the server starts, so that its context pools (Python's above
 * all, a good part of a second per context) warm in the background before the first run instead of
 * during it. {@code grapholap.udf.runtime.warm-at-startup=false} leaves the runtime to be created
 * on first use (tests that start many servers and run no functions).
 */
@Singleton
@Requires(property = "grapholap.udf.runtime.warm-at-startup", notEquals = "false")
final class RuntimeWarmer implements ApplicationEventListener<StartupEvent> {

    private final Provider<GraalFunctionRuntime> runtime;

    RuntimeWarmer(Provider<GraalFunctionRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        runtime.get();
    }
}
