package io.grapholap.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingDiffTest {

    private static final PropertyDefinition ID = new PropertyDefinition("id", PropertyType.INT64);

    private static NodeDefinition node(String label, String sql, PropertyDefinition... properties) {
        return new NodeDefinition(label, sql, ID, List.of(properties));
    }

    private static EdgeDefinition edge(String type, String from, String to) {
        return new EdgeDefinition(type, from, to, "SELECT a, b FROM " + type, "a", "b", List.of());
    }

    private static MappingVersion version(int v, List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
        return new MappingVersion(new MappingId(1), v, new MappingDefinition(nodes, edges), "v" + v, "ana", Instant.EPOCH);
    }

    @Test
    void countsAddedRemovedAndModifiedDefinitions() {
        // v1: A, B, C with edges A->B (E1), B->C (E2); v2: A unchanged, B with a new property, D added, C removed;
        // E1 unchanged, E2 removed, E3 (A->D) added.
        MappingVersion v1 = version(1,
                List.of(node("A", "SELECT id FROM a"), node("B", "SELECT id FROM b"), node("C", "SELECT id FROM c")),
                List.of(edge("E1", "A", "B"), edge("E2", "B", "C")));
        MappingVersion v2 = version(2,
                List.of(node("A", "SELECT id FROM a"), node("B", "SELECT id FROM b", new PropertyDefinition("x", PropertyType.STRING)),
                        node("D", "SELECT id FROM d")),
                List.of(edge("E1", "A", "B"), edge("E3", "A", "D")));

        MappingDiff diff = MappingDiff.between(v1, v2);

        assertThat(diff.summary()).isEqualTo(new MappingDiff.Summary(1, 1, 1, 1, 1, 0));
        assertThat(diff.nodes()).extracting(MappingDiff.Change::key).containsExactly("B", "D", "C");
        assertThat(diff.nodes()).extracting(MappingDiff.Change::type).containsExactly(
                MappingDiff.ChangeType.MODIFIED, MappingDiff.ChangeType.ADDED, MappingDiff.ChangeType.REMOVED);
        assertThat(diff.nodes().getFirst().fieldsChanged()).containsExactly("properties");
        assertThat(diff.nodes().get(1).before()).isNull();
        assertThat(diff.nodes().get(2).after()).isNull();
        assertThat(diff.edges()).extracting(MappingDiff.Change::key).containsExactly("E3", "E2");
    }

    @Test
    void namesEveryChangedEdgeField() {
        MappingVersion v1 = version(1, List.of(node("A", "q"), node("B", "q")), List.of(edge("E", "A", "B")));
        MappingVersion v2 = version(2, List.of(node("A", "q"), node("B", "q")),
                List.of(new EdgeDefinition("E", "B", "A", "SELECT b, a FROM E", "b", "a", List.of())));
        assertThat(MappingDiff.between(v1, v2).edges().getFirst().fieldsChanged())
                .containsExactly("from_node", "to_node", "sql", "from_key", "to_key");
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        MappingVersion v1 = version(1, List.of(node("A", "q")), List.of());
        MappingVersion v2 = version(2, List.of(node("A", "q")), List.of());
        MappingDiff diff = MappingDiff.between(v1, v2);
        assertThat(diff.summary()).isEqualTo(new MappingDiff.Summary(0, 0, 0, 0, 0, 0));
        assertThat(diff.nodes()).isEmpty();
        assertThat(diff.fromVersion()).isEqualTo(1);
        assertThat(diff.toVersion()).isEqualTo(2);
    }
}
