package io.grapholap.application.cluster;

/** The in-memory node registry keeps the contract the JDBC one keeps. */
class InMemoryClusterNodesTest extends ClusterNodesContract {

    @Override
    protected ClusterNodes open() {
        return new InMemoryClusterNodes();
    }
}
