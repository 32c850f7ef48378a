package io.grapholap.application.endpoint;

/** The in-memory endpoint repository of the use case tests keeps the repository contract. */
class InMemoryEndpointsTest extends EndpointRepositoryContract {

    @Override
    protected EndpointRepository open() {
        return new EndpointUseCasesTest.InMemoryEndpoints();
    }
}
