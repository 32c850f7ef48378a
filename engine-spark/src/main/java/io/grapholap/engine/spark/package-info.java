/**
 * The Spark engine's server side: {@link io.grapholap.engine.spark.SparkGraphEngine} keeps a snapshot's
 * vertex identity (sources, result rows) and has a Spark driver JVM of its own
 * ({@link io.grapholap.engine.spark.SparkDriver}, engine-spark-job's {@code GraphDriver}) read the snapshot's
 * files in its executors, where the algorithms run as Spark jobs. No Spark class is on this module's class path; docs/spark.md.
 */
package io.grapholap.engine.spark;
