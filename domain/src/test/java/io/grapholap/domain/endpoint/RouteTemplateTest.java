package io.grapholap.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTemplateTest {

    @Test
    void templatesSplitIntoLiteralsAndParameters() {
        RouteTemplate t = RouteTemplate.parse("/tables/{table_name}/count/");
        assertThat(t.route()).isEqualTo("tables/{table_name}/count");
        assertThat(t.segments()).containsExactly(new RouteTemplate.Segment("tables", false),
                new RouteTemplate.Segment("table_name", true), new RouteTemplate.Segment("count", false));
        assertThat(t.shape()).isEqualTo("tables/{}/count");
        assertThat(RouteTemplate.parse("tables/{other}/count").shape()).isEqualTo(t.shape());
    }

    @Test
    void pathsMatchSegmentBySegment() {
        RouteTemplate t = RouteTemplate.parse("tables/{table_name}/count");
        assertThat(t.match(List.of("tables", "Quantity", "count"))).contains(Map.of("table_name", "Quantity"));
        assertThat(t.match(List.of("tables", "a b/c", "count"))).contains(Map.of("table_name", "a b/c"));
        assertThat(t.match(List.of("tables", "Quantity"))).isEmpty();
        assertThat(t.match(List.of("tables", "Quantity", "rows"))).isEmpty();
        assertThat(t.match(List.of("tables", "", "count"))).as("a parameter is never empty").isEmpty();
        assertThat(t.match(List.of("Tables", "Quantity", "count"))).as("literals are case-sensitive").isEmpty();
    }

    @Test
    void literalsBeatParametersFromTheLeft() {
        RouteTemplate literalFirst = RouteTemplate.parse("a/{x}");
        RouteTemplate parameterFirst = RouteTemplate.parse("{x}/b");
        RouteTemplate both = RouteTemplate.parse("a/b");
        RouteTemplate neither = RouteTemplate.parse("{x}/{y}");
        assertThat(literalFirst.compareSpecificity(parameterFirst)).isPositive();
        assertThat(parameterFirst.compareSpecificity(literalFirst)).isNegative();
        assertThat(both.compareSpecificity(literalFirst)).isPositive();
        assertThat(neither.compareSpecificity(parameterFirst)).isNegative();
        assertThat(neither.compareSpecificity(RouteTemplate.parse("{p}/{q}"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a//b", "a/{x}/{x}", "a/{1x}", "a/{x", "a/b c", "a/?q", "a/{}"})
    void badTemplatesAreRefusedOnRoute(String route) {
        assertThatThrownBy(() -> RouteTemplate.parse(route))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("route"));
    }

    @Test
    void templatesAreBounded() {
        assertThatThrownBy(() -> RouteTemplate.parse("a/".repeat(RouteTemplate.MAX_SEGMENTS + 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RouteTemplate.parse("a".repeat(RouteTemplate.MAX_LENGTH + 1))).isInstanceOf(ValidationException.class);
        assertThat(RouteTemplate.parse("a/".repeat(RouteTemplate.MAX_SEGMENTS)).segments()).hasSize(RouteTemplate.MAX_SEGMENTS);
    }

    @Test
    void methodsParseInAnyCaseAndDefaultToGet() {
        assertThat(EndpointMethod.parse("post")).isEqualTo(EndpointMethod.POST);
        assertThat(EndpointMethod.parse(null)).isEqualTo(EndpointMethod.GET);
        assertThat(EndpointMethod.GET.hasBody()).isFalse();
        assertThat(EndpointMethod.DELETE.hasBody()).isTrue();
        assertThatThrownBy(() -> EndpointMethod.parse("HEAD"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("method"));
    }
}
