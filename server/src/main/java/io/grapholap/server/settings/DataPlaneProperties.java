package io.grapholap.server.settings;

import io.grapholap.application.dataplane.DataPlaneSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.dataplane}: {@code query-timeout} (PT60S) and
 * {@code max-query-timeout} (PT10M), {@code max-rows} (100000, per query response and per kept
 * stream result), {@code max-held-rows} (1000000: the most rows one intermediate result of a Cypher
 * query may hold; more is a 400 {@code QUERY_ROW_LIMIT_EXCEEDED}), {@code algorithm-timeout} (PT30M) and {@code max-algorithm-timeout} (PT2H),
 * {@code sync-wait} (PT30S: how long a start waits before answering 202 with an execution id),
 * {@code max-executions} (100; also the most algorithm threads) and {@code execution-retention}
 * (PT1H: finished executions are kept in memory that long); {@code max-running-queries} (0 = eight
 * per core, at least 16) and {@code max-running-queries-per-user} (0 = half of that).
 */
@Context
@ConfigurationProperties("grapholap.dataplane")
public record DataPlaneProperties(@Bindable(defaultValue = "PT60S") Duration queryTimeout,
                                  @Bindable(defaultValue = "PT10M") Duration maxQueryTimeout,
                                  @Bindable(defaultValue = "100000") int maxRows,
                                  @Bindable(defaultValue = "1000000") long maxHeldRows,
                                  @Bindable(defaultValue = "PT30M") Duration algorithmTimeout,
                                  @Bindable(defaultValue = "PT2H") Duration maxAlgorithmTimeout,
                                  @Bindable(defaultValue = "PT30S") Duration syncWait,
                                  @Bindable(defaultValue = "100") int maxExecutions,
                                  @Bindable(defaultValue = "PT1H") Duration executionRetention,
                                  @Bindable(defaultValue = "0") int maxRunningQueries,
                                  @Bindable(defaultValue = "0") int maxRunningQueriesPerUser) {

    private static final String P = "grapholap.dataplane.";

    public DataPlaneProperties {
        Check.positive(P + "query-timeout", queryTimeout);
        Check.positive(P + "max-query-timeout", maxQueryTimeout);
        Check.notAbove(P + "query-timeout", queryTimeout, P + "max-query-timeout", maxQueryTimeout);
        Check.atLeast(P + "max-rows", maxRows, 1);
        Check.atLeast(P + "max-held-rows", maxHeldRows, maxRows);
        Check.positive(P + "algorithm-timeout", algorithmTimeout);
        Check.positive(P + "max-algorithm-timeout", maxAlgorithmTimeout);
        Check.notAbove(P + "algorithm-timeout", algorithmTimeout, P + "max-algorithm-timeout", maxAlgorithmTimeout);
        Check.notNegative(P + "sync-wait", syncWait);
        Check.atLeast(P + "max-executions", maxExecutions, 1);
        Check.positive(P + "execution-retention", executionRetention);
        Check.atLeast(P + "max-running-queries", maxRunningQueries, 0);
        Check.atLeast(P + "max-running-queries-per-user", maxRunningQueriesPerUser, 0);
    }

    public DataPlaneSettings settings() {
        return new DataPlaneSettings(queryTimeout, maxQueryTimeout, maxRows, maxHeldRows, algorithmTimeout, maxAlgorithmTimeout, syncWait,
                maxExecutions, executionRetention);
    }

    /** Queries in progress on this server, the default (0) resolved. */
    public int runningQueries() {
        return maxRunningQueries > 0 ? maxRunningQueries : Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    }

    /** Queries in progress per user, the default (0) resolved. */
    public int runningQueriesPerUser() {
        return maxRunningQueriesPerUser > 0 ? maxRunningQueriesPerUser : Math.max(1, runningQueries() / 2);
    }
}
