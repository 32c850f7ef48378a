package io.grapholap.engine.cpu.algo;

/** Receives coarse progress from a kernel: {@code done} of {@code total} steps (iterations, levels, sources). */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void report(long done, long total);
}
