package io.grapholap.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingDefinitionTest {

    private static final PropertyDefinition ID = new PropertyDefinition("id", PropertyType.INT64);

    private static NodeDefinition node(String label) {
        return new NodeDefinition(label, "SELECT id FROM t", ID, List.of());
    }

    private static ValidationException rejected(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void duplicateLabelsAreRejectedNamingTheSecond() {
        var e = rejected(() -> new MappingDefinition(List.of(node("A"), node("B"), node("A")), List.of()));
        assertThat(e.field()).isEqualTo("node_definitions[2].label");
        assertThat(e.getMessage()).isEqualTo("node label 'A' is defined twice");
    }

    @Test
    void edgesMustConnectDeclaredLabels() {
        var e = rejected(() -> new MappingDefinition(List.of(node("A")),
                List.of(new EdgeDefinition("E", "A", "Z", "SELECT a, b FROM e", "a", "b", List.of()))));
        assertThat(e.field()).isEqualTo("edge_definitions[0].to_node");
        assertThat(e.details()).containsEntry("definition", "E").containsEntry("label", "Z");
    }

    @Test
    void duplicateEdgeTypesAreRejected() {
        var edge = new EdgeDefinition("E", "A", "A", "SELECT a, b FROM e", "a", "b", List.of());
        assertThat(rejected(() -> new MappingDefinition(List.of(node("A")), List.of(edge, edge))).field())
                .isEqualTo("edge_definitions[1].type");
    }

    @Test
    void propertyNamesAreUniqueIgnoringCaseAndDifferFromTheKey() {
        var e = rejected(() -> new NodeDefinition("A", "q", ID,
                List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("NAME", PropertyType.STRING))));
        assertThat(e.field()).isEqualTo("properties[1].name");
        assertThat(e.details()).containsEntry("column", "NAME");
        assertThat(rejected(() -> new NodeDefinition("A", "q", ID, List.of(new PropertyDefinition("ID", PropertyType.STRING)))).field())
                .isEqualTo("properties[0].name");
        assertThat(rejected(() -> new EdgeDefinition("E", "A", "A", "q", "a", "b", List.of(new PropertyDefinition("b", PropertyType.INT32)))).field())
                .isEqualTo("properties[0].name");
    }

    @Test
    void requiredTextAndAtLeastOneNode() {
        assertThat(rejected(() -> new NodeDefinition(" ", "q", ID, List.of())).field()).isEqualTo("label");
        assertThat(rejected(() -> new NodeDefinition("A", null, ID, List.of())).field()).isEqualTo("sql");
        assertThat(rejected(() -> new EdgeDefinition("E", "A", "A", "q", "a", "A", List.of())).field()).isEqualTo("to_key");
        assertThat(rejected(() -> new MappingDefinition(List.of(), List.of())).field()).isEqualTo("node_definitions");
    }

    @Test
    void propertyTypesParseCaseInsensitively() {
        assertThat(PropertyType.parse("t", "int64")).isEqualTo(PropertyType.INT64);
        var e = rejected(() -> PropertyType.parse("properties[0].type", "LONG"));
        assertThat(e.field()).isEqualTo("properties[0].type");
        assertThat(e.getMessage()).contains("STRING, INT64, INT32, DOUBLE, FLOAT, BOOL, DATE, TIMESTAMP");
    }

    @Test
    void lifecycleDurationsAreIsoAndPositive() {
        assertThat(Lifecycle.parse("P7D", "PT30M")).isEqualTo(new Lifecycle(Duration.ofDays(7), Duration.ofMinutes(30)));
        assertThat(Lifecycle.parse(null, " ")).isEqualTo(Lifecycle.NONE);
        assertThat(rejected(() -> Lifecycle.parse("1 week", null)).field()).isEqualTo("ttl");
        assertThat(rejected(() -> Lifecycle.parse(null, "PT0S")).field()).isEqualTo("inactivity_timeout");
        assertThatThrownBy(() -> Lifecycle.parse("-PT1H", null)).hasMessageContaining("positive");
    }
}
