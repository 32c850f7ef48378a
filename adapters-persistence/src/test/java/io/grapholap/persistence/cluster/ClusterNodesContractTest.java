package io.grapholap.persistence.cluster;

import io.grapholap.application.cluster.ClusterNodes;
import io.grapholap.application.cluster.ClusterNodesContract;
import io.grapholap.persistence.MetadataDatabases;

/** The node registry contract on H2 and PostgreSQL. */
final class ClusterNodesContractTest {

    private ClusterNodesContractTest() {
    }

    abstract static class OnDatabase extends ClusterNodesContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected ClusterNodes open() {
            database = database().start();
            return database.bean(ClusterNodes.class);
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
