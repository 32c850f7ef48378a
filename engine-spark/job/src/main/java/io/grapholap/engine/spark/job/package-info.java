/**
 * The Spark driver program of the Spark engine, run in its own JVM with Spark's class path: the line protocol
 * ({@link io.grapholap.engine.spark.job.GraphDriver}), the graph persisted in the executors
 * ({@link io.grapholap.engine.spark.job.SparkGraph}) and the Graphalytics kernels as RDD jobs
 * ({@link io.grapholap.engine.spark.job.Algorithms}).
 */
package io.grapholap.engine.spark.job;
