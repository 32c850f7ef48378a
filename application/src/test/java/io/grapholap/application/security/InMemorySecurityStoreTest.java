package io.grapholap.application.security;

/** The in-memory user and API-key store of the application tests keeps the repository contract. */
class InMemorySecurityStoreTest extends SecurityRepositoryContract {

    @Override
    protected Repositories open() {
        InMemorySecurityStore store = new InMemorySecurityStore();
        return new Repositories(store, store);
    }
}
