package io.grapholap.engine.cpu.algo;

/**
 * The termination flag kernels check inside their loops (once per chunk of work, not per arc).
 * {@link #check()} throws {@link io.grapholap.domain.error.CancelledException} or
 * {@link io.grapholap.domain.error.OperationTimeoutException} when the work must stop.
 */
@FunctionalInterface
public interface Termination {

    Termination NEVER = () -> { };

    void check();
}
