package io.grapholap.server.config;

import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.server.settings.DataPlaneProperties;
import io.grapholap.server.settings.ExportProperties;
import io.grapholap.server.settings.InstancesProperties;
import io.grapholap.server.settings.JobsProperties;
import io.grapholap.server.settings.UdfProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Every thread pool of the server's use cases, in one place: each has a fixed number of named
 * daemon platform threads (idle ones end after a minute) and is shut down when the server stops.
 * Request threads are Micronaut's; the engines own their compute threads.
 */
@Factory
final class ServerExecutors {

    /** Algorithm runs: at most one per running instance, and never more than the executions kept. */
    @Singleton
    @Named("algorithm-runs")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService algorithmRuns(DataPlaneProperties dataPlane) {
        return pool("algorithm-run-", dataPlane.maxExecutions());
    }

    /**
     * Guest code: one thread per run slot. A task is only handed over with a slot, which its thread
     * keeps until the guest has really ended, so no run ever waits in the queue for a thread.
     */
    @Singleton
    @Named("udf-runs")
    @Requires(beans = FunctionRuntime.class)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService udfRuns(UdfProperties udf) {
        return pool("udf-run-", udf.limits().slots());
    }

    /** Instance loads; queued loads wait with their instance starting. */
    @Singleton
    @Named("instance-load")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService instanceLoads(InstancesProperties instances) {
        return pool("instance-load-", instances.loadWorkers());
    }

    /** Snapshot exports; queued exports wait with their snapshot pending. */
    @Singleton
    @Named("snapshot-export")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService snapshotExports(ExportProperties export) {
        return pool("snapshot-export-", export.workers());
    }

    /**
     * Cluster coordination: renews this node's export claims and claims work (every
     * {@code grapholap.export.claim-interval}) and its node registration (every
     * {@code grapholap.node.heartbeat-interval}); short database writes only.
     */
    @Singleton
    @Named("cluster")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService cluster() {
        return scheduled("cluster-", 1);
    }

    /** The background jobs' schedule. */
    @Singleton
    @Named("background-jobs")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService backgroundJobs(JobsProperties jobs) {
        return scheduled("background-job-", jobs.threads());
    }

    /** The instance poller: waiting instances and activity writes, every {@code grapholap.instances.poll-interval}. */
    @Singleton
    @Named("instance-poller")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService instancePoller() {
        return scheduled("instance-poller-", 1);
    }

    private static ExecutorService pool(String prefix, int threads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name(prefix, 1).factory());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static ScheduledExecutorService scheduled(String prefix, int threads) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads,
                Thread.ofPlatform().daemon().name(prefix, 1).factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
