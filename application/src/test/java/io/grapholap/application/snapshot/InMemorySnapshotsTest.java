package io.grapholap.application.snapshot;

/** The in-memory snapshot repository of the application tests keeps the repository contract. */
class InMemorySnapshotsTest extends SnapshotRepositoryContract {

    @Override
    protected Store open() {
        return new Store(new InMemorySnapshots(), 1);
    }
}
