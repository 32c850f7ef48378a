package io.grapholap.engine.gpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped PTX is what its CUDA source compiles to: each PTX names the SHA-256 of its .cu and of
 * common.cuh in its first line (written by src/main/cuda/compile-ptx.sh), and defines every kernel
 * the engine launches. A failure here means a .cu changed without recompiling: run the engine-gpu
 * build on a machine with nvcc (it recompiles changed kernels) and commit the PTX.
 */
class PtxSourceTest {

    private static final Path CUDA = Path.of("src/main/cuda");
    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(");

    @Test
    void everyShippedPtxNamesTheHashOfItsCurrentSource() throws IOException {
        String common = sha256(CUDA.resolve("common.cuh"));
        for (String module : PtxModules.ENTRIES.keySet()) {
            String header = PtxModules.text(module).lines().findFirst().orElse("");

            assertThat(header).as("first line of %s.ptx", module).isEqualTo("// grapholap-sources: " + module + ".cu="
                    + sha256(CUDA.resolve(module + ".cu")) + " common.cuh=" + common);
        }
    }

    @Test
    void everyPtxIsTextForSm80WithTheExpectedEntries() {
        for (var m : PtxModules.ENTRIES.entrySet()) {
            String ptx = PtxModules.text(m.getKey());

            assertThat(ptx).as(m.getKey()).doesNotContain("\0").contains(".version ").contains(".target sm_80")
                    .contains(".address_size 64");
            for (String entry : m.getValue()) {
                assertThat(ptx).as("%s.ptx defines %s", m.getKey(), entry).contains(".visible .entry " + entry + "(");
            }
        }
    }

    @Test
    void everySourceAndKernelIsListed() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(CUDA)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cu"))
                    .forEach(f -> sources.add(f.substring(0, f.length() - 3)));
        }
        assertThat(sources).containsExactlyInAnyOrderElementsOf(PtxModules.ENTRIES.keySet());
        for (String module : sources) {
            Matcher k = KERNEL.matcher(Files.readString(CUDA.resolve(module + ".cu")));
            List<String> kernels = new ArrayList<>();
            while (k.find()) {
                kernels.add(k.group(1));
            }
            assertThat(kernels).as("kernels of %s.cu", module).containsExactlyElementsOf(PtxModules.ENTRIES.get(module));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
