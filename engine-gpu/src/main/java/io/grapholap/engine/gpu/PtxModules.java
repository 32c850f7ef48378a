package io.grapholap.engine.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PTX modules shipped as resources under {@code io/grapholap/engine/gpu/ptx/} (compiled from
 * {@code src/main/cuda/<module>.cu}) and the kernel entry points each must define.
 */
public final class PtxModules {

    public static final String RESOURCE_DIR = "/io/grapholap/engine/gpu/ptx/";

    /** Module name → kernel entry names, in the order the sources define them. */
    public static final Map<String, List<String>> ENTRIES = entries();

    private PtxModules() {
    }

    private static Map<String, List<String>> entries() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("pagerank", List.of("pr_init_f64", "pr_pull_f64", "pr_contrib_f64", "pr_init_f32", "pr_pull_f32",
                "pr_contrib_f32"));
        m.put("bfs", List.of("bfs_init", "bfs_top_down", "bfs_bottom_up", "bfs_collect"));
        m.put("wcc", List.of("wcc_init", "wcc_hook", "wcc_compress"));
        m.put("sssp", List.of("sssp_init", "sssp_relax"));
        m.put("cdlp", List.of("cdlp_step"));
        m.put("degree", List.of("degree_count"));
        m.put("triangles", List.of("tc_arcs", "lcc_arcs", "lcc_finish"));
        m.put("vector", List.of("vec_axpy_f64", "vec_dot_f64", "vec_asum_f64", "vec_axpy_f32", "vec_dot_f32",
                "vec_asum_f32"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The PTX text of {@code module}, NUL-terminated as {@code cuModuleLoadData} expects. */
    static byte[] load(String module) {
        String path = RESOURCE_DIR + module + ".ptx";
        try (InputStream in = PtxModules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("PTX resource missing: " + path);
            }
            byte[] text = in.readAllBytes();
            byte[] z = java.util.Arrays.copyOf(text, text.length + 1);
            z[text.length] = 0;
            return z;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PTX resource " + path, e);
        }
    }

    /** The PTX text of {@code module} as a string, for checks. */
    public static String text(String module) {
        byte[] z = load(module);
        return new String(z, 0, z.length - 1, StandardCharsets.US_ASCII);
    }
}
