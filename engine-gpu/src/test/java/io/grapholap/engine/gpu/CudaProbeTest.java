package io.grapholap.engine.gpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CudaProbeTest {

    @Test
    void probingAnswersWithoutThrowingAndSaysWhyWhenUnavailable() {
        CudaAvailability a = CudaProbe.availability();

        if (a.available()) {
            assertThat(a.deviceName()).isNotBlank();
            assertThat(a.totalBytes()).isPositive();
        } else {
            System.out.println("[engine-gpu] CUDA probe: unavailable: " + a.reason());
            assertThat(a.reason()).isNotBlank();
            assertThat(a.details()).containsEntry("reason", a.reason());
        }
        assertThat(CudaProbe.availability()).isSameAs(a);
    }

    @Test
    void loaderReasonIsTheDynamicLoadersLine() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("""
                Error while loading native library "JCudaDriver-12.6.0-linux-x86_64"
                Stack trace from the attempt to load the library as a resource:
                java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: \
                cannot open shared object file: No such file or directory
                \tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)""");

        assertThat(CudaProbe.loaderReason(e)).isEqualTo(
                "libcuda.so.1: cannot open shared object file: No such file or directory (UnsatisfiedLinkError)");
    }

    @Test
    void loaderReasonFallsBackToTheFirstLine() {
        assertThat(CudaProbe.loaderReason(new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver")))
                .isEqualTo("Could not initialize class jcuda.driver.JCudaDriver (NoClassDefFoundError)");
    }

    @Test
    void relativeTmpDirIsMadeAbsolute() {
        String before = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", "relative-tmp");
            CudaProbe.ensureAbsoluteTmpDir();
            assertThat(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).isAbsolute()).isTrue();
            assertThat(System.getProperty("java.io.tmpdir")).endsWith("relative-tmp");
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }
}
