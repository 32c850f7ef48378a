/**
 * Algorithm runs: {@link io.grapholap.application.algorithm.AlgorithmRunner} parses once, chooses the
 * engine (with the {@code engine=auto} fallback) and checks memory; {@link
 * io.grapholap.application.algorithm.InstanceRuns} holds a running instance's algorithm lock around
 * each run, HTTP or UDF, and records it in {@link io.grapholap.application.algorithm.Executions}; the
 * use cases start ({@link io.grapholap.application.algorithm.StartExecution}), read
 * ({@link io.grapholap.application.algorithm.ReadExecutions}) and cancel
 * ({@link io.grapholap.application.algorithm.CancelExecution}) executions.
 */
package io.grapholap.application.algorithm;
