package io.grapholap.engine.gpu;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CUDA kernels' logic checked without a GPU: src/test/cuda/emulate.sh compiles the kernel
 * sources as C++ with sequential stand-ins for the CUDA builtins, drives them as the engine does and
 * compares every result with a reference implementation. Skipped, with the reason printed, where no
 * C++ compiler is installed.
 */
class KernelEmulationTest {

    @Test
    void kernelsMatchReferenceImplementationsUnderSequentialEmulation() throws IOException, InterruptedException {
        boolean compiler = new ProcessBuilder("bash", "-c", "command -v ${CXX:-g++}").start().waitFor() == 0;
        if (!compiler) {
            System.out.println("[engine-gpu] KernelEmulationTest skipped: no C++ compiler (g++) on the PATH");
        }
        Assumptions.assumeTrue(compiler, "no C++ compiler (g++) on the PATH");

        Process p = new ProcessBuilder("bash", "src/test/cuda/emulate.sh", "target/kernel-emulation")
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("emulation finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains(" 0 failures");
    }
}
