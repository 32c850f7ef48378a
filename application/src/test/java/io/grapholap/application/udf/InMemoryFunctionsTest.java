package io.grapholap.application.udf;

/** The in-memory UDF and organisation-settings store of the use case tests keeps the repository contract. */
class InMemoryFunctionsTest extends FunctionRepositoryContract {

    @Override
    protected Repositories open() {
        InMemoryFunctions store = new InMemoryFunctions();
        return new Repositories(store, store);
    }
}
