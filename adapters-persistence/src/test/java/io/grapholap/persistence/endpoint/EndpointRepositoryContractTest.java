package io.grapholap.persistence.endpoint;

import io.grapholap.application.endpoint.EndpointRepository;
import io.grapholap.application.endpoint.EndpointRepositoryContract;
import io.grapholap.persistence.MetadataDatabases;

/** The endpoint repository contract on H2 and PostgreSQL. */
final class EndpointRepositoryContractTest {

    private EndpointRepositoryContractTest() {
    }

    abstract static class OnDatabase extends EndpointRepositoryContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected EndpointRepository open() {
            database = database().start();
            return database.bean(JdbcEndpointRepository.class);
        }

        @Override
        protected void close() {
            database.close();
        }
    }

    static final class OnH2 extends OnDatabase {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends OnDatabase {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
