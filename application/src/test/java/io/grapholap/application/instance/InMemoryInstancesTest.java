package io.grapholap.application.instance;

/** The in-memory instance repository of the use case tests keeps the repository contract. */
class InMemoryInstancesTest extends InstanceRepositoryContract {

    @Override
    protected InstanceRepository open() {
        return new InMemoryInstances();
    }
}
