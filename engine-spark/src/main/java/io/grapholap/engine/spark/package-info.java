/**
 * The Spark engine's server side: {@link io.grapholap.engine.spark.SparkGraphEngine} loads a snapshot into a
 * host graph (identity, tables, result rows) and hands its arcs to a Spark driver JVM of its own
 * ({@link io.grapholap.engine.spark.SparkDriver}, engine-spark-job's {@code GraphDriver}), where the algorithms
 * run as Spark jobs. No Spark class is on this module's class path; docs/spark.md.
 */
package io.grapholap.engine.spark;
