package io.grapholap.rest.udf;

import io.grapholap.application.udf.RunSlots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Gauges on {@code /metrics} for the threads guest code runs on: {@code udf_run_slots_free},
 * {@code udf_runs_waiting} and {@code udf_runs_abandoned} (runs that ignored their stop; each keeps
 * its slot until it really ends).
 */
@Context
@Requires(beans = RunSlots.class)
final class RunSlotMetrics {

    RunSlotMetrics(MeterRegistry registry, RunSlots slots) {
        Gauge.builder("udf_run_slots_free", slots, RunSlots::free).description("Function run slots free now").register(registry);
        Gauge.builder("udf_runs_waiting", slots, RunSlots::waiting).description("Function runs waiting for a slot").register(registry);
        Gauge.builder("udf_runs_abandoned", slots, RunSlots::abandoned)
                .description("Function runs given up on after ignoring their stop, all time").register(registry);
    }
}
