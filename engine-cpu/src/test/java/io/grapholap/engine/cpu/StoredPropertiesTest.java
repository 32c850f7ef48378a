package io.grapholap.engine.cpu;

import io.grapholap.gremlin.csr.CsrGraphInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** CPU specifics of stored algorithm properties: concurrency with queries, the count limit, column slicing. */
class StoredPropertiesTest {

    /** A ring 0→1→…→n-1→0: every vertex has out-degree 1. */
    private static CpuGraphInstance ring(int n) {
        int[][] edges = new int[n][];
        for (int v = 0; v < n; v++) {
            edges[v] = new int[] {v, (v + 1) % n};
        }
        return new CpuGraphInstance(CsrGraph.fromEdges(n, true, edges), 2);
    }

    @Test
    void queriesRunningWhilePropertiesAreStoredNeverFail() throws InterruptedException {
        CpuGraphInstance g = ring(2000);
        AlgorithmResult degree = g.run(AlgorithmRegistry.parse("degree", Map.of()), ExecutionContext.of(1));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread reader = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        long count = (Long) g.gremlin("g.V().count()", Map.of(), QueryLimits.defaults()).rows().get(0).get(0);
                        assertThat(count).isEqualTo(2000L);
                        // a property is all there or not at all: 0 or 2000 vertices have it
                        long with = (Long) g.gremlin("g.V().has('d0').count()", Map.of(), QueryLimits.defaults())
                                .rows().get(0).get(0);
                        assertThat(with).isIn(0L, 2000L);
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            readers.add(reader);
        }
        for (int i = 0; i < 50; i++) {
            g.storeVertexProperty("d" + (i % 4), degree, "degree");
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(g.gremlin("g.V().has('d3', 1L).count()", Map.of(), QueryLimits.defaults()).rows())
                .containsExactly(List.of(2000L));
    }

    @Test
    void anInstanceKeepsABoundedNumberOfStoredProperties() {
        CpuGraphInstance g = ring(10);
        AlgorithmResult degree = g.run(AlgorithmRegistry.parse("degree", Map.of()), ExecutionContext.of(1));
        for (int i = 0; i < CsrGraphInstance.MAX_STORED_PROPERTIES; i++) {
            g.storeVertexProperty("p" + i, degree, "degree");
        }
        assertThatThrownBy(() -> g.storeVertexProperty("one_more", degree, "degree"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mutate_property"));
        g.storeVertexProperty("p0", degree, "degree");
        assertThat(g.nodes("vertex").columnNames()).hasSize(2 + CsrGraphInstance.MAX_STORED_PROPERTIES);
    }

    @Test
    void sliceCopiesTheRowsOfOneLabelKeepingNulls() {
        java.util.BitSet nulls = new java.util.BitSet();
        nulls.set(3);
        Column c = new Column.Float64(new double[] {0, 1, 2, 3, 4}, nulls);
        Column part = CsrGraphInstance.slice(c, 2, 2);
        assertThat(part.size()).isEqualTo(2);
        assertThat(part.get(0)).isEqualTo(2.0);
        assertThat(part.isNull(1)).isTrue();
        assertThat(CsrGraphInstance.slice(c, 0, 5)).isSameAs(c);
        Column boxed = CsrGraphInstance.slice(Column.ofObjects(io.grapholap.application.graph.ValueType.STRING,
                new Object[] {"a", "b", "c"}), 1, 2);
        assertThat(boxed.get(0)).isEqualTo("b");
    }
}
