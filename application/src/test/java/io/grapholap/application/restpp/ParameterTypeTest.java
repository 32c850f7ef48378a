package io.grapholap.application.restpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.restpp.ParameterType.Collection;
import io.grapholap.application.restpp.ParameterType.CollectionKind;
import io.grapholap.application.restpp.ParameterType.MapOf;
import io.grapholap.application.restpp.ParameterType.Scalar;
import io.grapholap.application.restpp.ParameterType.ScalarKind;
import io.grapholap.application.restpp.ParameterType.Vertex;
import io.grapholap.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterTypeTest {

    @Test
    void everyScalarParsesInAnyCase() {
        for (ScalarKind kind : ScalarKind.values()) {
            assertThat(ParameterType.parse(kind.name(), "p")).isEqualTo(new Scalar(kind));
            assertThat(ParameterType.parse(kind.name().toLowerCase(), "p")).isEqualTo(new Scalar(kind));
        }
    }

    @Test
    void verticesKeepTheirTypeSpelling() {
        assertThat(ParameterType.parse("VERTEX", "p")).isEqualTo(new Vertex(null));
        assertThat(ParameterType.parse("vertex<Person>", "p")).isEqualTo(new Vertex("Person"));
        assertThat(ParameterType.parse("VERTEX< person >", "p")).isEqualTo(new Vertex("person"));
    }

    @Test
    void collectionsAndMapsNest() {
        assertThat(ParameterType.parse("SET<INT>", "p")).isEqualTo(new Collection(CollectionKind.SET, new Scalar(ScalarKind.INT)));
        assertThat(ParameterType.parse("bag<string>", "p")).isEqualTo(new Collection(CollectionKind.BAG, new Scalar(ScalarKind.STRING)));
        assertThat(ParameterType.parse("LIST<VERTEX<post>>", "p")).isEqualTo(new Collection(CollectionKind.LIST, new Vertex("post")));
        assertThat(ParameterType.parse("SET<VERTEX>", "p")).isEqualTo(new Collection(CollectionKind.SET, new Vertex(null)));
        assertThat(ParameterType.parse("MAP<STRING, INT>", "p")).isEqualTo(new MapOf(new Scalar(ScalarKind.STRING), new Scalar(ScalarKind.INT)));
        assertThat(ParameterType.parse("MAP<STRING,LIST<INT>>", "p"))
                .isEqualTo(new MapOf(new Scalar(ScalarKind.STRING), new Collection(CollectionKind.LIST, new Scalar(ScalarKind.INT))));
        assertThat(ParameterType.parse("MAP<MAP<INT,INT>,INT>", "p").toString()).isEqualTo("MAP<MAP<INT,INT>,INT>");
        assertThat(ParameterType.parse("set<vertex<person>>", "p").toString()).isEqualTo("SET<VERTEX<person>>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "INTEGER", "SET", "SET<>", "SET<INT", "MAP<INT>", "MAP<,INT>", "VERTEX<>", "VERTEX<1x>",
            "TUPLE<INT>", "LIST<LIST<LIST<LIST<LIST<INT>>>>>", "SET<INT>>"})
    void unknownTypesAreRefusedNamingTheParameter(String type) {
        assertThatThrownBy(() -> ParameterType.parse(type, "p1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("p1"));
    }

    @Test
    void aMissingTypeIsRefused() {
        assertThatThrownBy(() -> ParameterType.parse(null, "p1")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ParameterType.parse("X".repeat(201), "p1")).isInstanceOf(ValidationException.class);
    }
}
