package io.grapholap.application.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.dataset.GraphTables.Value;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upsert JSON shapes, their typing, composite ids and the per-call bounds. */
class UpsertJsonTest {

    @Test
    void readsTheNestedVertexAndEdgeShape() {
        Object body = Map.of(
                "vertices", Map.of("User", Map.of("u1", Map.of("age", Map.of("value", 31), "ok", true, "w", 0.5))),
                "edges", Map.of("User", Map.of("u1", Map.of("follows", Map.of("User", Map.of("u2", Map.of("since", Map.of("value", 2020L))))))));
        GraphChanges changes = UpsertJson.parse(body, 10, 10);
        GraphChanges.Vertex v = changes.vertices().getFirst();
        assertThat(v.label()).isEqualTo("User");
        assertThat(v.key()).isEqualTo(new Value(ValueType.STRING, "u1"));
        assertThat(v.attributes()).containsEntry("age", new Value(ValueType.INT64, 31L))
                .containsEntry("ok", new Value(ValueType.BOOL, true)).containsEntry("w", new Value(ValueType.DOUBLE, 0.5));
        GraphChanges.Edge e = changes.edges().getFirst();
        assertThat(List.of(e.type(), e.fromLabel(), e.toLabel(), e.from().value(), e.to().value()))
                .containsExactly("follows", "User", "User", "u1", "u2");
        assertThat(e.attributes()).containsEntry("since", new Value(ValueType.INT64, 2020L));
    }

    @Test
    void compositeIdsBecomeJsonArrayKeys() {
        Object body = Map.of("vertices", Map.of("v", List.of(Map.of("id", new java.util.LinkedHashMap<>(Map.of("a", 3))),
                Map.of("id", List.of(3, "c\"q", 300)))),
                "edges", List.of(Map.of("from_type", "v", "from_id", List.of(3), "edge_type", "e", "to_type", "v", "to_id", 7)));
        GraphChanges changes = UpsertJson.parse(body, 10, 10);
        assertThat(changes.vertices()).extracting(v -> v.key().value()).containsExactly("[3]", "[3,\"c\\\"q\",300]");
        assertThat(changes.vertices().getFirst().attributes()).containsEntry("a", new Value(ValueType.INT64, 3L));
        assertThat(changes.edges().getFirst().from().value()).isEqualTo("[3]");
        assertThat(changes.edges().getFirst().to().value()).isEqualTo("7");
    }

    @Test
    void refusesWhatItCannotStoreNamingTheField() {
        assertThatThrownBy(() -> UpsertJson.parse(List.of(), 10, 10)).extracting(e -> ((ValidationException) e).field()).isEqualTo("body");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertex", Map.of()), 10, 10))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("vertex");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertices", Map.of("U", Map.of("a", Map.of("x", List.of(1))))), 10, 10))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("vertices.U.a.x");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertices", Map.of("U", Map.of("a", Map.of("x",
                Map.of("value", 1, "op", "add"))))), 10, 10)).hasMessageContaining("op");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertices", Map.of("U", Map.of("a", Map.of("x",
                BigInteger.TWO.pow(70))))), 10, 10)).hasMessageContaining("64 bits");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertices", Map.of("U", Map.of("a", Map.of(), "b", Map.of()))), 1, 10))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("vertices");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("edges", List.of(Map.of("from_type", "U", "from_id", "a",
                "edge_type", "e", "to_type", "U"))), 10, 10)).extracting(e -> ((ValidationException) e).field()).isEqualTo("edges.to_id");
        assertThatThrownBy(() -> UpsertJson.parse(Map.of("vertices", Map.of()), 10, 10)).hasMessageContaining("no vertices");
    }
}
