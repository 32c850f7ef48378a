package io.grapholap.application.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.grapholap.application.mapping.SourceDatabase.ColumnKind;
import io.grapholap.application.mapping.SourceDatabase.SourceColumn;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateAgainstSourceTest {

    /** A source that knows three queries by their exact text. */
    private static final SourceDatabase SOURCE = sql -> switch (sql) {
        case "people" -> List.of(col("id", ColumnKind.INT64), col("name", ColumnKind.TEXT), col("born", ColumnKind.DATE));
        case "cities" -> List.of(col("city_id", ColumnKind.INT32), col("population", ColumnKind.DECIMAL, 12, 0));
        case "lives_in" -> List.of(col("PERSON", ColumnKind.INT64), col("city", ColumnKind.INT32), col("since", ColumnKind.TIMESTAMP));
        default -> throw new SourceDatabase.SourceQueryException("Table \"" + sql + "\" not found", null);
    };

    private static SourceColumn col(String name, ColumnKind kind) {
        return col(name, kind, 0, 0);
    }

    private static SourceColumn col(String name, ColumnKind kind, int precision, int scale) {
        return new SourceColumn(name, kind, kind.name(), precision, scale);
    }

    private static PropertyDefinition p(String name, PropertyType type) {
        return new PropertyDefinition(name, type);
    }

    private static MappingDefinition mapping(List<PropertyDefinition> personProps, String edgeSql, PropertyType cityKey) {
        return new MappingDefinition(
                List.of(new NodeDefinition("Person", "people", p("id", PropertyType.INT64), personProps),
                        new NodeDefinition("City", "cities", p("city_id", cityKey), List.of(p("population", PropertyType.INT64)))),
                List.of(new EdgeDefinition("LIVES_IN", "Person", "City", edgeSql, "person", "city",
                        List.of(p("since", PropertyType.TIMESTAMP)))));
    }

    private static ValidationException rejected(MappingDefinition d) {
        try {
            new ValidateAgainstSource(SOURCE).check(d);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected the definition to be rejected");
    }

    @Test
    void aMatchingDefinitionPasses() {
        assertThatCode(() -> new ValidateAgainstSource(SOURCE).check(
                mapping(List.of(p("name", PropertyType.STRING), p("born", PropertyType.TIMESTAMP)), "lives_in", PropertyType.INT32)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingColumnIsNamedWithItsDefinition() {
        var e = rejected(mapping(List.of(p("email", PropertyType.STRING)), "lives_in", PropertyType.INT32));
        assertThat(e.field()).isEqualTo("node_definitions[0].properties[0]");
        assertThat(e.getMessage()).isEqualTo("node Person: column 'email' is not in the SQL result (columns: id, name, born)");
        assertThat(e.details()).containsEntry("definition", "Person").containsEntry("column", "email");
    }

    @Test
    void typeMismatchesAreReported() {
        var e = rejected(mapping(List.of(p("name", PropertyType.INT64)), "lives_in", PropertyType.INT32));
        assertThat(e.getMessage()).isEqualTo("node Person: column 'name' is declared INT64 but the source yields TEXT");
    }

    @Test
    void edgeKeysMustFitTheNodeKeyType() {
        // City's key declared DATE: both the node key (INT32 column) and the edge's to_key no longer fit.
        var e = rejected(mapping(List.of(), "lives_in", PropertyType.DATE));
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) e.details().get("errors");
        assertThat(errors).extracting(m -> m.get("field")).containsExactly("node_definitions[1].primary_key", "edge_definitions[0].to_key");
    }

    @Test
    void aSqlErrorNamesTheDefinition() {
        var e = rejected(mapping(List.of(), "nowhere", PropertyType.INT32));
        assertThat(e.field()).isEqualTo("edge_definitions[0].sql");
        assertThat(e.getMessage()).isEqualTo("edge LIVES_IN: SQL failed on the source: Table \"nowhere\" not found");
        assertThat(e.details()).containsEntry("definition", "LIVES_IN").doesNotContainKey("column");
    }

    @Test
    void compatibilityFollowsTheDocumentedRules() {
        assertThat(TypeCompatibility.accepts(PropertyType.INT64, col("n", ColumnKind.INT32))).isTrue();
        assertThat(TypeCompatibility.accepts(PropertyType.INT32, col("n", ColumnKind.INT64))).isFalse();
        assertThat(TypeCompatibility.accepts(PropertyType.INT64, col("n", ColumnKind.DECIMAL, 12, 0))).isTrue();
        assertThat(TypeCompatibility.accepts(PropertyType.INT64, col("n", ColumnKind.DECIMAL, 12, 2))).isFalse();
        assertThat(TypeCompatibility.accepts(PropertyType.INT64, col("n", ColumnKind.DECIMAL, 0, 0))).isFalse();
        assertThat(TypeCompatibility.accepts(PropertyType.DOUBLE, col("n", ColumnKind.DECIMAL, 12, 2))).isTrue();
        assertThat(TypeCompatibility.accepts(PropertyType.STRING, col("n", ColumnKind.TIMESTAMP))).isTrue();
        assertThat(TypeCompatibility.accepts(PropertyType.BOOL, col("n", ColumnKind.INT16))).isFalse();
        assertThat(TypeCompatibility.accepts(PropertyType.DATE, col("n", ColumnKind.TIMESTAMP))).isFalse();
        assertThat(TypeCompatibility.accepts(PropertyType.TIMESTAMP, col("n", ColumnKind.DATE))).isTrue();
        assertThat(TypeCompatibility.accepts(PropertyType.FLOAT, col("n", ColumnKind.INT64))).isFalse();
    }
}
