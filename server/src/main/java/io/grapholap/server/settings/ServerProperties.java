package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;

/**
 * Settings directly under {@code grapholap}: {@code data-dir} (./data; snapshots, datasets and UDF
 * work files live below it) and {@code engine}, the name of the engine instances and UDF runs use
 * when a request names none (application.yml: cpu, or gpu in a server built without engine-cpu).
 */
@Context
@ConfigurationProperties("grapholap")
public record ServerProperties(@Bindable(defaultValue = "./data") String dataDir, String engine) {

    public ServerProperties {
        if (engine == null || engine.isBlank()) {
            throw new ConfigurationException("grapholap.engine must name an engine of this server");
        }
    }

    /** A directory below the data directory. */
    public Path dir(String name) {
        return Path.of(dataDir).resolve(name);
    }
}
