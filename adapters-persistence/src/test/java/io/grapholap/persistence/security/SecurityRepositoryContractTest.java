package io.grapholap.persistence.security;

import io.grapholap.application.security.SecurityRepositoryContract;
import io.grapholap.persistence.MetadataDatabases;

/** The user and API-key repository contract on H2 and PostgreSQL. */
final class SecurityRepositoryContractTest {

    private SecurityRepositoryContractTest() {
    }

    abstract static class OnDatabase extends SecurityRepositoryContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected Repositories open() {
            database = database().start();
            return new Repositories(database.bean(JdbcUserRepository.class), database.bean(JdbcApiKeyRepository.class));
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
