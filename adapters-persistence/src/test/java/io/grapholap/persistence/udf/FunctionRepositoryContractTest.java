package io.grapholap.persistence.udf;

import io.grapholap.application.udf.FunctionRepository;
import io.grapholap.application.udf.FunctionRepositoryContract;
import io.grapholap.application.udf.OrganizationSettingsRepository;
import io.grapholap.persistence.MetadataDatabases;

/** The UDF and organisation-settings repository contract on H2 and PostgreSQL. */
final class FunctionRepositoryContractTest {

    private FunctionRepositoryContractTest() {
    }

    abstract static class OnDatabase extends FunctionRepositoryContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected Repositories open() {
            database = database().start();
            return new Repositories(database.bean(FunctionRepository.class), database.bean(OrganizationSettingsRepository.class));
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
