package io.grapholap.application.restpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conversion of REST++ (TigerGraph-style) query parameters, value by value. */
class QueryParametersTest {

    private static List<DeclaredParameter> declare(String... nameTypePairs) {
        List<DeclaredParameter> out = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            out.add(new DeclaredParameter(nameTypePairs[i], nameTypePairs[i + 1]));
        }
        return out;
    }

    /** A query string as the server decodes it: "a=1&a=2&b=x" → {a: [1, 2], b: [x]}. */
    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return out;
    }

    private static Object one(String type, String raw) {
        return QueryParameters.fromQuery(declare("p", type), query(raw)).get("p");
    }

    private static void refused(String type, String raw) {
        assertThatThrownBy(() -> QueryParameters.fromQuery(declare("p", type), query(raw)))
                .as("%s from %s", type, raw)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("p"));
    }

    private static Object json(String type, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("p", value);
        return QueryParameters.fromJson(declare("p", type), body).get("p");
    }

    private static void jsonRefused(String type, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("p", value);
        assertThatThrownBy(() -> QueryParameters.fromJson(declare("p", type), body))
                .as("%s from %s", type, value)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("p"));
    }

    private static Map<String, Object> vertex(Object id, String type) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("type", type);
        return v;
    }

    @Nested
    class Scalars {

        @Test
        void intsAreLongs() {
            assertThat(one("INT", "p=42")).isEqualTo(42L);
            assertThat(one("INT", "p=-7")).isEqualTo(-7L);
            assertThat(one("INT", "p=9223372036854775807")).isEqualTo(Long.MAX_VALUE);
            assertThat(one("INT", "p= 5 ")).isEqualTo(5L);
            refused("INT", "p=9223372036854775808");
            refused("INT", "p=1.5");
            refused("INT", "p=abc");
            refused("INT", "p=");
        }

        @Test
        void uintsAreNonNegativeUpTo64Bits() {
            assertThat(one("UINT", "p=0")).isEqualTo(0L);
            assertThat(one("UINT", "p=9223372036854775807")).isEqualTo(Long.MAX_VALUE);
            assertThat(one("UINT", "p=18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
            refused("UINT", "p=18446744073709551616");
            refused("UINT", "p=-1");
            refused("UINT", "p=1e3");
        }

        @Test
        void floatsAndDoublesAreFiniteDoubles() {
            assertThat(one("DOUBLE", "p=3.25")).isEqualTo(3.25);
            assertThat(one("DOUBLE", "p=-1e-3")).isEqualTo(-0.001);
            assertThat(one("DOUBLE", "p=7")).isEqualTo(7.0);
            assertThat(one("FLOAT", "p=.5")).isEqualTo(0.5);
            assertThat(one("DOUBLE", "p=1e300")).isEqualTo(1e300);
            refused("FLOAT", "p=1e300");
            refused("DOUBLE", "p=1e999");
            refused("DOUBLE", "p=NaN");
            refused("DOUBLE", "p=Infinity");
            refused("DOUBLE", "p=0x10");
            refused("DOUBLE", "p=1.5d");
        }

        @Test
        void stringsAreKeptAsSent() {
            assertThat(one("STRING", "p= hello world ")).isEqualTo(" hello world ");
            assertThat(one("STRING", "p=")).isEqualTo("");
        }

        @ParameterizedTest
        @CsvSource({"true,true", "TRUE,true", "1,true", "false,false", "False,false", "0,false"})
        void boolsAcceptWordsAndDigits(String raw, boolean expected) {
            assertThat(one("BOOL", "p=" + raw)).isEqualTo(expected);
        }

        @Test
        void otherBoolsAreRefused() {
            refused("BOOL", "p=yes");
            refused("BOOL", "p=2");
        }

        @ParameterizedTest
        @CsvSource({
                "2024-01-02 03:04:05,2024-01-02T03:04:05Z",
                "2024-01-02,2024-01-02T00:00:00Z",
                "2024-01-02T03:04:05,2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05Z,2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05+02:00,2024-01-02T01:04:05Z",
                "2024-01-02T03:04:05.250Z,2024-01-02T03:04:05.250Z",
                "1700000000,2023-11-14T22:13:20Z",
                "0,1970-01-01T00:00:00Z"})
        void datetimesBecomeIsoUtc(String raw, String expected) {
            assertThat(one("DATETIME", "p=" + raw)).isEqualTo(expected);
        }

        @Test
        void badDatetimesAreRefused() {
            refused("DATETIME", "p=2024-13-01");
            refused("DATETIME", "p=2024-02-30 00:00:00");
            refused("DATETIME", "p=yesterday");
            refused("DATETIME", "p=2024/01/02");
        }

        @Test
        void aScalarTakesOneValueAndNoVertexForms() {
            refused("INT", "p=1&p=2");
            refused("INT", "p=1&p.type=person");
            refused("STRING", "p[0]=a");
        }
    }

    @Nested
    class Collections {

        @Test
        void setsOfPrimitivesRepeatTheNameAndDropRepeats() {
            assertThat(one("SET<INT>", "p=1&p=5&p=10&p=5")).isEqualTo(List.of(1L, 5L, 10L));
            assertThat(one("BAG<INT>", "p=1&p=5&p=5")).isEqualTo(List.of(1L, 5L, 5L));
            assertThat(one("LIST<STRING>", "p=b&p=a&p=b")).isEqualTo(List.of("b", "a", "b"));
            assertThat(one("SET<DOUBLE>", "p=1.5")).isEqualTo(List.of(1.5));
        }

        @Test
        void oneBadElementRefusesTheParameter() {
            refused("SET<INT>", "p=1&p=x");
            refused("LIST<BOOL>", "p=true&p=maybe");
        }

        @Test
        void setsOfTypedVerticesRepeatPrimaryKeys() {
            assertThat(one("SET<VERTEX<person>>", "p=person3&p=person4"))
                    .isEqualTo(List.of(vertex("person3", "person"), vertex("person4", "person")));
            assertThat(one("SET<VERTEX<person>>", "p=person3&p=person3")).isEqualTo(List.of(vertex("person3", "person")));
        }

        @Test
        void setsOfUntypedVerticesAreIndexed() {
            assertThat(one("SET<VERTEX>", "p[0]=person5&p[0].type=person&p[1]=11&p[1].type=post"))
                    .isEqualTo(List.of(vertex("person5", "person"), vertex("11", "post")));
            assertThat(one("BAG<VERTEX>", "p[1]=b&p[1].type=t&p[0]=a&p[0].type=t"))
                    .as("ordered by index, not by arrival").isEqualTo(List.of(vertex("a", "t"), vertex("b", "t")));
            assertThat(one("LIST<VERTEX<person>>", "p[0]=x&p[1]=y&p[1].type=person"))
                    .as("typed vertices may be indexed too").isEqualTo(List.of(vertex("x", "person"), vertex("y", "person")));
        }

        @Test
        void untypedVertexSetsNeedEveryType() {
            refused("SET<VERTEX>", "p[0]=person5");
            refused("SET<VERTEX>", "p=person5&p=person6");
            refused("SET<VERTEX>", "p[0].type=person");
            refused("SET<VERTEX>", "p[0]=a&p[0].type=t&p=b");
            refused("SET<VERTEX>", "p[0]=a&p[0]=b&p[0].type=t");
            refused("SET<VERTEX<person>>", "p[0]=a&p[0].type=post");
            refused("SET<VERTEX<person>>", "p=a&p.type=person");
        }

        @Test
        void mapsAndNestedCollectionsNeedAJsonBody() {
            refused("MAP<STRING,INT>", "p=a");
            refused("LIST<LIST<INT>>", "p=1");
        }
    }

    @Nested
    class Vertices {

        @Test
        void typedVerticesArePrimaryKeys() {
            assertThat(one("VERTEX<person>", "p=person1")).isEqualTo(vertex("person1", "person"));
            assertThat(one("VERTEX<person>", "p=person1&p.type=person")).isEqualTo(vertex("person1", "person"));
            refused("VERTEX<person>", "p=person1&p.type=post");
            refused("VERTEX<person>", "p=");
            refused("VERTEX<person>", "p=a&p=b");
        }

        @Test
        void untypedVerticesNameTheirType() {
            assertThat(one("VERTEX", "p=person2&p.type=person")).isEqualTo(vertex("person2", "person"));
            refused("VERTEX", "p=person2");
            refused("VERTEX", "p.type=person");
            refused("VERTEX", "p[0]=person2&p[0].type=person");
        }
    }

    @Nested
    class Undeclared {

        private Map<String, Object> shapes(String raw) {
            return QueryParameters.fromQuery(List.of(), query(raw));
        }

        @Test
        void valuesArePassedByShapeAsStrings() {
            Map<String, Object> args = shapes("a=1&b=x&b=y&v=p1&v.type=person&s[1]=u&s[0]=t&w[0]=k&w[0].type=post");
            assertThat(args).containsEntry("a", "1")
                    .containsEntry("b", List.of("x", "y"))
                    .containsEntry("v", vertex("p1", "person"))
                    .containsEntry("s", List.of("t", "u"))
                    .containsEntry("w", List.of(vertex("k", "post")));
        }

        @Test
        void inconsistentShapesAreRefused() {
            assertThatThrownBy(() -> shapes("a=1&a[0]=2")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> shapes("a=1&a=2&a.type=t")).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> shapes("a[0].type=t")).isInstanceOf(ValidationException.class);
        }

        @Test
        void keysThatAreNotParameterNamesAreRefused() {
            for (String key : List.of("1a", "a b", "a[x]", "a.kind", "a[0][1]", "a[12345]")) {
                assertThatThrownBy(() -> QueryParameters.fromQuery(List.of(), Map.of(key, List.of("v"))))
                        .as(key).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(key));
            }
        }

        @Test
        void declaredAndUndeclaredMix() {
            Map<String, Object> args = QueryParameters.fromQuery(declare("n", "INT"), query("n=3&m=3"));
            assertThat(args).containsEntry("n", 3L).containsEntry("m", "3");
        }

        @Test
        void theNumberOfValuesIsBounded() {
            Map<String, List<String>> many = Map.of("a", java.util.Collections.nCopies(QueryParameters.MAX_VALUES + 1, "x"));
            assertThatThrownBy(() -> QueryParameters.fromQuery(List.of(), many)).isInstanceOf(ValidationException.class);
        }

        @Test
        void aBadDeclarationIsRefusedNamingTheParameter() {
            assertThatThrownBy(() -> QueryParameters.fromQuery(declare("p", "WHATEVER"), query("p=1")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("p"));
        }
    }

    @Nested
    class JsonBodies {

        @Test
        void scalarsFromJsonValuesOrStrings() {
            assertThat(json("INT", 42)).isEqualTo(42L);
            assertThat(json("INT", 42L)).isEqualTo(42L);
            assertThat(json("INT", "42")).isEqualTo(42L);
            assertThat(json("INT", 3.0)).isEqualTo(3L);
            assertThat(json("UINT", new BigInteger("18446744073709551615"))).isEqualTo(new BigInteger("18446744073709551615"));
            assertThat(json("DOUBLE", 2.5)).isEqualTo(2.5);
            assertThat(json("DOUBLE", 2)).isEqualTo(2.0);
            assertThat(json("FLOAT", new java.math.BigDecimal("0.125"))).isEqualTo(0.125);
            assertThat(json("BOOL", true)).isEqualTo(true);
            assertThat(json("BOOL", "false")).isEqualTo(false);
            assertThat(json("STRING", "x")).isEqualTo("x");
            assertThat(json("STRING", 5)).isEqualTo("5");
            assertThat(json("DATETIME", "2024-01-02 03:04:05")).isEqualTo("2024-01-02T03:04:05Z");
            assertThat(json("DATETIME", 0)).isEqualTo("1970-01-01T00:00:00Z");
            assertThat(json("INT", null)).isNull();
        }

        @Test
        void scalarsThatDoNotConvertAreRefused() {
            jsonRefused("INT", 3.5);
            jsonRefused("INT", true);
            jsonRefused("INT", List.of(1));
            jsonRefused("UINT", -1);
            jsonRefused("BOOL", 1);
            jsonRefused("STRING", Map.of("a", 1));
            jsonRefused("DOUBLE", "x");
        }

        @Test
        void verticesAreIdTypeObjects() {
            assertThat(json("VERTEX", Map.of("id", "Tom", "type", "person"))).isEqualTo(vertex("Tom", "person"));
            assertThat(json("VERTEX<person>", Map.of("id", "Tom"))).isEqualTo(vertex("Tom", "person"));
            assertThat(json("VERTEX<person>", "Tom")).isEqualTo(vertex("Tom", "person"));
            assertThat(json("VERTEX<post>", 11)).isEqualTo(vertex(11, "post"));
            jsonRefused("VERTEX", Map.of("id", "Tom"));
            jsonRefused("VERTEX", "Tom");
            jsonRefused("VERTEX<person>", Map.of("id", "Tom", "type", "post"));
            jsonRefused("VERTEX", Map.of("type", "person"));
            jsonRefused("VERTEX", Map.of("id", "Tom", "type", "person", "extra", 1));
            jsonRefused("VERTEX", Map.of("id", true, "type", "person"));
            jsonRefused("VERTEX", Map.of("id", "Tom", "type", 5));
        }

        @Test
        void compositeKeysComeAsObjectsOrOrderedArrays() {
            Map<String, Object> byName = new LinkedHashMap<>();
            byName.put("id", 3);
            byName.put("name", "c");
            byName.put("label", 300);
            assertThat(json("VERTEX", Map.of("id", byName, "type", "v3"))).isEqualTo(vertex(byName, "v3"));
            assertThat(json("VERTEX", Map.of("id", Map.of("id", List.of(3, "c", 300)), "type", "v3")))
                    .isEqualTo(vertex(List.of(3, "c", 300), "v3"));
        }

        @Test
        void collectionsAreArrays() {
            assertThat(json("SET<INT>", List.of(1, 2, 2, 3))).isEqualTo(List.of(1L, 2L, 3L));
            assertThat(json("BAG<INT>", List.of(1, 2, 2))).isEqualTo(List.of(1L, 2L, 2L));
            assertThat(json("LIST<LIST<INT>>", List.of(List.of(1), List.of(2, 3)))).isEqualTo(List.of(List.of(1L), List.of(2L, 3L)));
            assertThat(json("SET<VERTEX>", List.of(Map.of("id", "a", "type", "t"), Map.of("id", "a", "type", "t"))))
                    .isEqualTo(List.of(vertex("a", "t")));
            jsonRefused("SET<INT>", 1);
            jsonRefused("SET<INT>", List.of(1, "x"));
            jsonRefused("LIST<INT>", Arrays.asList(1, null));
        }

        @Test
        void mapsComeAsKeyAndValueListsOrObjects() {
            Map<String, Object> capitals = new LinkedHashMap<>();
            capitals.put("England", "London");
            capitals.put("Germany", "Berlin");
            assertThat(json("MAP<STRING,STRING>", Map.of("keyList", List.of("England", "Germany"), "valueList", List.of("London", "Berlin"))))
                    .isEqualTo(capitals);
            assertThat(json("MAP<STRING,STRING>", capitals)).isEqualTo(capitals);
            assertThat(json("MAP<INT,LIST<DOUBLE>>", Map.of("keyList", List.of(1, 2), "valueList", List.of(List.of(1), List.of()))))
                    .isEqualTo(Map.of("1", List.of(1.0), "2", List.of()));
            jsonRefused("MAP<STRING,INT>", Map.of("keyList", List.of("a", "b"), "valueList", List.of(1)));
            jsonRefused("MAP<INT,INT>", Map.of("keyList", List.of("x"), "valueList", List.of(1)));
            jsonRefused("MAP<STRING,INT>", Map.of("keyList", List.of("a", "a"), "valueList", List.of(1, 2)));
            jsonRefused("MAP<STRING,INT>", List.of());
            jsonRefused("MAP<VERTEX,INT>", Map.of("a", 1));
        }

        @Test
        void undeclaredValuesPassAsSentWithKeyValueListsAsMaps() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tuple", Map.of("keyList", List.of("name", "age"), "valueList", List.of("Sam", 24)));
            body.put("v", Map.of("id", "Tom", "type", "person"));
            body.put("xs", List.of(1, "a"));
            body.put("n", 5);
            Map<String, Object> args = QueryParameters.fromJson(List.of(), body);
            assertThat(args.get("tuple")).isEqualTo(Map.of("name", "Sam", "age", 24));
            assertThat(args.get("v")).isEqualTo(Map.of("id", "Tom", "type", "person"));
            assertThat(args.get("xs")).isEqualTo(List.of(1, "a"));
            assertThat(args.get("n")).isEqualTo(5);
        }

        @Test
        void queryAndBodyMergeButNeverOverlap() {
            Map<String, Object> merged = QueryParameters.merge(Map.of("a", 1L), Map.of("b", 2L));
            assertThat(merged).containsEntry("a", 1L).containsEntry("b", 2L);
            assertThatThrownBy(() -> QueryParameters.merge(Map.of("a", 1L), Map.of("a", 2L)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("a"));
        }
    }
}
