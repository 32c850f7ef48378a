package io.grapholap.persistence.instance;

import io.grapholap.application.instance.InstanceRepository;
import io.grapholap.application.instance.InstanceRepositoryContract;
import io.grapholap.persistence.MetadataDatabases;

/** The instance repository contract on H2 and PostgreSQL. */
final class InstanceRepositoryContractTest {

    private InstanceRepositoryContractTest() {
    }

    abstract static class OnDatabase extends InstanceRepositoryContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected InstanceRepository open() {
            database = database().start();
            return database.bean(InstanceRepository.class);
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
