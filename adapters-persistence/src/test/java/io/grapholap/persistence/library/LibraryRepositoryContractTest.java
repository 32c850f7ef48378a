package io.grapholap.persistence.library;

import io.grapholap.application.library.LibraryRepository;
import io.grapholap.application.library.LibraryRepositoryContract;
import io.grapholap.persistence.MetadataDatabases;

/** The library repository contract on H2 and PostgreSQL. */
final class LibraryRepositoryContractTest {

    private LibraryRepositoryContractTest() {
    }

    abstract static class OnDatabase extends LibraryRepositoryContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected LibraryRepository open() {
            database = database().start();
            return database.bean(JdbcLibraryRepository.class);
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
