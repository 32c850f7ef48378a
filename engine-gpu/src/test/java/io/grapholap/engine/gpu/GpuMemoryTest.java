package io.grapholap.engine.gpu;

import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GpuMemoryTest {

    @Test
    void directedUnweightedGraphKeepsBothDirections() {
        // 10 vertices, 20 edges: offsets 4*11 = 44, targets 4*20 = 80, per direction 124
        assertThat(GpuMemory.graphBreakdown(10, 20, true, false)).containsExactly(
                Map.entry("device_out_adjacency", 124L), Map.entry("device_in_adjacency", 124L),
                Map.entry("device_weights", 0L));
        assertThat(GpuMemory.graphBytes(10, 20, true, false)).isEqualTo(248L);
    }

    @Test
    void undirectedWeightedGraphStoresEachEdgeTwiceOnce() {
        // 40 arcs: offsets 44 + targets 160 = 204; weights 8*40 = 320; no separate in-adjacency
        assertThat(GpuMemory.graphBytes(10, 20, false, true)).isEqualTo(524L);
        // plus four fp64 vectors of 10 vertices for the first run
        assertThat(GpuMemory.loadBytes(10, 20, false, true)).isEqualTo(524L + 320L);
    }

    @Test
    void workBytesPerAlgorithm() {
        assertThat(GpuMemory.workBytes("pagerank", 1000, 5000, true)).isEqualTo(32_000L);
        assertThat(GpuMemory.workBytes("bfs", 1000, 5000, true)).isEqualTo(12_016L);
        // cdlp on a directed graph: two label arrays + one scratch slot per out- and in-arc
        assertThat(GpuMemory.workBytes("cdlp", 1000, 5000, true)).isEqualTo(16_000L + 80_000L);
        assertThat(GpuMemory.workBytes("louvain", 1000, 5000, true)).isZero();
    }

    @Test
    void estimateAddsTheDeviceGraphToTheHostEstimate() {
        MemoryEstimate host = new MemoryEstimate(1_000L, 1_500L, 0L, Map.of("offsets", 400L));

        MemoryEstimate e = GpuGraphEngine.combine(host, new HostGraphLoader.GraphShape(10, 20),
                LoadOptions.defaults().withDirected(true));

        assertThat(e.hostBytes()).isEqualTo(1_000L);
        assertThat(e.peakHostBytes()).isEqualTo(1_500L);
        assertThat(e.deviceBytes()).isEqualTo(248L);
        assertThat(e.breakdown()).containsEntry("offsets", 400L).containsEntry("device_out_adjacency", 124L);
    }
}
