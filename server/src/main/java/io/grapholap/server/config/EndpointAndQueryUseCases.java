package io.grapholap.server.config;

import io.grapholap.application.endpoint.CreateEndpoint;
import io.grapholap.application.endpoint.DeleteEndpoint;
import io.grapholap.application.endpoint.EndpointFunctions;
import io.grapholap.application.endpoint.EndpointRepository;
import io.grapholap.application.endpoint.ReadEndpoints;
import io.grapholap.application.endpoint.ServeEndpoint;
import io.grapholap.application.restpp.QueryFunctions;
import io.grapholap.application.restpp.RunQuery;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the custom-endpoint use cases (UDFs served under /proxy) and the REST++ query route (/query/{graph}/{name}). */
@Factory
final class EndpointAndQueryUseCases {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    CreateEndpoint createEndpoint(EndpointRepository repository, EndpointFunctions functions) {
        return new CreateEndpoint(repository, functions, CLOCK);
    }

    @Singleton
    ReadEndpoints readEndpoints(EndpointRepository repository) {
        return new ReadEndpoints(repository);
    }

    @Singleton
    DeleteEndpoint deleteEndpoint(EndpointRepository repository) {
        return new DeleteEndpoint(repository);
    }

    @Singleton
    ServeEndpoint serveEndpoint(EndpointRepository repository, EndpointFunctions functions) {
        return new ServeEndpoint(repository, functions);
    }

    @Singleton
    RunQuery runQuery(QueryFunctions functions) {
        return new RunQuery(functions);
    }
}
