package io.grapholap.server.config;

import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.dataplane.DriverAccess;
import io.grapholap.application.dataplane.DriverProtocol;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.AuthenticateApiKey;
import io.grapholap.application.security.AuthenticateWithPassword;
import io.grapholap.gremlin.csr.server.GremlinDriverProtocol;
import io.grapholap.server.settings.GremlinServerProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/**
 * Wires the Gremlin Server endpoint: the driver protocol over the running instances, with the data
 * plane's limits, the running-query count shared with HTTP queries, and the audit log. Requests are
 * read, authenticated and admitted on Micronaut's blocking executor (what HTTP controllers run on);
 * traversals run on each instance's query threads.
 */
@Factory
final class GremlinServerFactory {

    @Singleton
    DriverAccess driverAccess(AuthenticateWithPassword passwords, AuthenticateApiKey keys, LiveInstances instances,
                              DataPlaneSettings settings, @Named("running-queries") ConcurrencyLimit running, AuditLog audit) {
        return new DriverAccess(passwords, keys, instances, settings, running, audit, SecurityUseCases.CLOCK);
    }

    @Singleton
    @Requires(property = "grapholap.gremlin-server.enabled", notEquals = "false")
    DriverProtocol driverProtocol(DriverAccess access, @Named(TaskExecutors.BLOCKING) ExecutorService requests,
                                  GremlinServerProperties properties) {
        return new GremlinDriverProtocol(access, requests, properties.settings());
    }
}
