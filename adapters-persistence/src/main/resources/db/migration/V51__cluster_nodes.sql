-- The server nodes sharing this metadata database: each registers at start, renews heartbeat_at
-- while it runs and removes its row when it stops cleanly; engines is a comma-separated list.
CREATE TABLE cluster_nodes (
    id            VARCHAR(255)  NOT NULL PRIMARY KEY,
    url           VARCHAR(1000) NOT NULL,
    cores         INTEGER       NOT NULL,
    memory_budget BIGINT        NOT NULL,
    engines       VARCHAR(1000) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
