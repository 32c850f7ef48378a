package io.grapholap.polyglot;

import static io.grapholap.polyglot.TestGraphs.LIMITS;
import static io.grapholap.polyglot.TestGraphs.PEOPLE;
import static io.grapholap.polyglot.TestGraphs.RUNTIME;
import static io.grapholap.polyglot.TestGraphs.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every call of the graph API and the session, in both languages, against the people graph of
 * {@link TestGraphs} on the real CPU engine. One run per language collects every answer (Python
 * contexts are costly to build) and the Java side checks them against the graph.
 */
class GraphApiTest {

    private static final String JS = """
            function task(g, args) {
              const algorithms = {};
              for (const name of args.algorithms) {
                const params = name === 'bfs' || name === 'sssp' ? {source: 'ann'}
                    : name === 'shortest_path' ? {source: 'ann', target: 'dan'} : {};
                algorithms[name] = g[name](params).row_count;
              }
              const pr = g.pagerank({iterations: 5, damping: 0.85});
              const sub = g.subgraph({node_labels: ['person'], edge_types: ['knows'],
                                      node_filter: (n) => n.key !== 'dan'});
              return {
                statistics: g.statistics(),
                algorithms: algorithms,
                pagerank_columns: pr.columns,
                pagerank_ids: pr.data.id,
                pagerank_natural: Array.isArray(pr.data.rank) && typeof pr.data.rank[0] === 'number',
                algo_wcc: g.algo('wcc', {}).data.component,
                degree_out: g.degree({direction: 'out'}).data.degree,
                gremlin: g.gremlin("g.V().hasLabel('city').values('name')"),
                gremlin_bound: g.gremlin("g.V().has('name', city).values('name')", {city: 'Oslo'}),
                gremlin_count: g.gremlin("g.E().count()"),
                cypher: g.cypher("MATCH (p:person)-[:knows]->(f) WHERE p.age > $min RETURN id(f) AS name ORDER BY name", {min: 30}),
                cypher_call: g.cypher("CALL grapholap.wcc({}) YIELD component RETURN count(DISTINCT component) AS n"),
                nodes: g.nodes('person'),
                edges: g.edges('knows'),
                limited: g.nodes('person', 2).length,
                subgraph: sub.statistics().vertex_count,
                subgraph_edges: sub.statistics().edge_count,
                datasets: session.datasets(),
                instances: session.instances(),
                loaded: session.load_dataset('people').statistics().vertex_count,
                loaded_camel: session.loadDataset('people').statistics().edge_count,
                instance: session.instance(7).statistics().vertex_count,
                built: session.graph([{id: 'a'}, {id: 'b'}, {id: 'c'}],
                                     [{source: 'a', target: 'b'}, {source: 'b', target: 'c'}]).wcc().row_count,
                args_natural: typeof args === 'object' && Array.isArray(args.algorithms)
              };
            }
            """;

    private static final String PYTHON = """
            def task(g, args):
                algorithms = {}
                for name in args['algorithms']:
                    if name in ('bfs', 'sssp'):
                        params = {'source': 'ann'}
                    elif name == 'shortest_path':
                        params = {'source': 'ann', 'target': 'dan'}
                    else:
                        params = {}
                    algorithms[name] = getattr(g, name)(params)['row_count']
                pr = g.pagerank({'iterations': 5, 'damping': 0.85})
                sub = g.subgraph({'node_labels': ['person'], 'edge_types': ['knows'],
                                  'node_filter': lambda n, label: n['key'] != 'dan'})
                return {
                    'statistics': g.statistics(),
                    'algorithms': algorithms,
                    'pagerank_columns': pr['columns'],
                    'pagerank_ids': pr['data']['id'],
                    'pagerank_natural': isinstance(pr, dict) and isinstance(pr['data']['rank'], list)
                                        and isinstance(pr['data']['rank'][0], float),
                    'algo_wcc': g.algo('wcc', {})['data']['component'],
                    'degree_out': g.degree({'direction': 'out'})['data']['degree'],
                    'gremlin': g.gremlin("g.V().hasLabel('city').values('name')"),
                    'gremlin_bound': g.gremlin("g.V().has('name', city).values('name')", {'city': 'Oslo'}),
                    'gremlin_count': g.gremlin("g.E().count()"),
                    'cypher': g.cypher("MATCH (p:person)-[:knows]->(f) WHERE p.age > $min RETURN id(f) AS name ORDER BY name", {'min': 30}),
                    'cypher_call': g.cypher("CALL grapholap.wcc({}) YIELD component RETURN count(DISTINCT component) AS n"),
                    'nodes': g.nodes('person'),
                    'edges': g.edges('knows'),
                    'limited': len(g.nodes('person', 2)),
                    'subgraph': sub.statistics()['vertex_count'],
                    'subgraph_edges': sub.statistics()['edge_count'],
                    'datasets': session.datasets(),
                    'instances': session.instances(),
                    'loaded': session.load_dataset('people').statistics()['vertex_count'],
                    'loaded_camel': session.load_dataset('people').statistics()['edge_count'],
                    'instance': session.instance(7).statistics()['vertex_count'],
                    'built': session.graph([{'id': 'a'}, {'id': 'b'}, {'id': 'c'}],
                                           [{'source': 'a', 'target': 'b'}, {'source': 'b', 'target': 'c'}]).wcc()['row_count'],
                    'args_natural': isinstance(args, dict) and isinstance(args['algorithms'], list),
                }
            """;

    @Test
    void javascriptReachesEveryCall() {
        checkAll(run(Language.JS, JS));
    }

    @Test
    void pythonReachesEveryCall() {
        checkAll(run(Language.PYTHON, PYTHON));
    }

    @Test
    void aReturnedGraphComesBackAsTheInstanceItWraps() {
        Object js = RUNTIME.run(invocation(Language.JS, "function task(g, args) { return g; }", EntryPoint.EXECUTE,
                List.of(PEOPLE, Map.of()), Map.of(), LIMITS));
        assertThat(js).isSameAs(PEOPLE);
        Object sub = RUNTIME.run(invocation(Language.JS,
                "function task(g, args) { return g.subgraph({edge_types: ['knows'], node_labels: ['person']}); }",
                EntryPoint.EXECUTE, List.of(PEOPLE, Map.of()), Map.of(), LIMITS));
        assertThat(sub).isInstanceOf(GraphInstance.class);
        assertThat(((GraphInstance) sub).statistics().vertexCount()).isEqualTo(4);
        assertThat(((GraphInstance) sub).statistics().edgeCount()).isEqualTo(4);
        Object py = RUNTIME.run(invocation(Language.PYTHON, "def task(g, args):\n    return g", EntryPoint.EXECUTE,
                List.of(PEOPLE, Map.of()), Map.of(), LIMITS));
        assertThat(py).isSameAs(PEOPLE);
    }

    @Test
    void aReturnedAlgorithmResultComesBackWhole() {
        for (Language language : Language.values()) {
            String code = language == Language.JS ? "function task(g, args) { return g.degree({direction: 'in'}); }"
                    : "def task(g, args):\n    return g.degree({'direction': 'in'})";
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) TestGraphs.execute(language, code, Map.of());
            assertThat(out).as(language.wireName()).containsEntry("algorithm", "degree").containsEntry("engine", "cpu")
                    .containsEntry("columns", List.of("id", "label", "key", "degree")).containsEntry("row_count", 6)
                    .containsEntry("data", Map.of(
                            "id", List.of("person:ann", "person:bob", "person:cat", "person:dan", "city:100", "city:200"),
                            "label", List.of("person", "person", "person", "person", "city", "city"),
                            "key", List.of("ann", "bob", "cat", "dan", 100L, 200L),
                            "degree", List.of(0L, 1L, 2L, 1L, 2L, 1L)));
        }
    }

    @Test
    void loadDataReturnsADatasetGraphOrBuildsOneFromLists() {
        Object js = RUNTIME.run(invocation(Language.JS, "function task(args) { return session.load_dataset(args.id); }",
                EntryPoint.LOAD_DATA, List.of(Map.of("id", "people")), Map.of(), LIMITS));
        assertThat(js).isSameAs(PEOPLE);
        Object py = RUNTIME.run(invocation(Language.PYTHON, """
                def task(args):
                    nodes = [{'id': i} for i in range(args['n'])]
                    edges = [{'source': i, 'target': i + 1} for i in range(args['n'] - 1)]
                    return {'nodes': nodes, 'edges': edges}
                """, EntryPoint.LOAD_DATA, List.of(Map.of("n", 5)), Map.of(), LIMITS));
        assertThat(py).isInstanceOf(GraphInstance.class);
        assertThat(((GraphInstance) py).statistics().vertexCount()).isEqualTo(5);
        assertThat(((GraphInstance) py).statistics().edgeCount()).isEqualTo(4);
    }

    @Test
    void endpointCodeReceivesRequestUserAndSession() {
        Map<String, Object> request = Map.of("method", "GET", "path", "/proxy/people/7",
                "path_parameters", Map.of("id", "7"), "query_parameters", Map.of());
        Map<String, Object> user = Map.of("name", "ann", "roles", List.of("analyst"), "organizations", List.of("acme"));
        TestGraphs.Session session = new TestGraphs.Session();
        Object js = RUNTIME.run(new Invocation(Language.JS, """
                function task(request, user, session) {
                  const g = session.instance(Number(request.path_parameters.id));
                  return {who: user.name, roles: user.roles, vertices: g.statistics().vertex_count};
                }
                """, EntryPoint.ENDPOINT, List.of(request, user, session), Map.of(), session, LIMITS));
        assertThat(js).isEqualTo(Map.of("who", "ann", "roles", List.of("analyst"), "vertices", 6));
        Object py = RUNTIME.run(new Invocation(Language.PYTHON, """
                def task(request, user, session):
                    g = session.instance(int(request['path_parameters']['id']))
                    return {'who': user['name'], 'roles': user['roles'], 'vertices': g.statistics()['vertex_count']}
                """, EntryPoint.ENDPOINT, List.of(request, user, session), Map.of(), session, LIMITS));
        assertThat(py).isEqualTo(js);
        // Seed 002 reads them as attributes in Python too, as JavaScript does; they stay dicts.
        Object attributes = RUNTIME.run(new Invocation(Language.PYTHON, """
                def task(request, user, session):
                    g = session.instance(int(request.path_parameters.id))
                    assert request.path_parameters == {'id': '7'} and isinstance(request, dict)
                    return {'who': user.name, 'roles': user.roles, 'vertices': g.statistics()['vertex_count']}
                """, EntryPoint.ENDPOINT, List.of(request, user, session), Map.of(), session, LIMITS));
        assertThat(attributes).isEqualTo(js);
    }

    @Test
    void anExecuteTaskMayTakeTheGraphAlone() {
        // Seed 000: task(g); the run's execute_args are not passed to it.
        Object js = TestGraphs.execute(Language.JS, "function task(g) { return {vertices: g.statistics().vertex_count}; }",
                Map.of("ignored", 1));
        Object py = TestGraphs.execute(Language.PYTHON, "def task(g):\n    return {'vertices': g.statistics()['vertex_count']}\n",
                Map.of("ignored", 1));
        assertThat(js).isEqualTo(Map.of("vertices", 6));
        assertThat(py).isEqualTo(js);
    }

    private static Map<String, Object> run(Language language, String code) {
        List<String> names = AlgorithmRegistry.names();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) TestGraphs.execute(language, code, Map.of("algorithms", names));
        return out;
    }

    private static void checkAll(Map<String, Object> out) {
        assertThat(out.get("statistics")).isEqualTo(Map.of("vertex_count", 6, "edge_count", 7, "directed", true,
                "vertices_per_label", Map.of("person", 4, "city", 2), "edges_per_type", Map.of("knows", 4, "lives_in", 3),
                "host_bytes", (int) PEOPLE.statistics().hostBytes(), "device_bytes", 0));
        @SuppressWarnings("unchecked")
        Map<String, Object> algorithms = (Map<String, Object>) out.get("algorithms");
        assertThat(algorithms.keySet()).containsExactlyInAnyOrderElementsOf(
                AlgorithmRegistry.names());
        algorithms.forEach((name, rows) -> assertThat(rows).as(name)
                .isEqualTo(name.equals("shortest_path") ? 3 : 6));
        assertThat(out.get("pagerank_columns")).isEqualTo(List.of("id", "label", "key", "rank"));
        assertThat(out.get("pagerank_ids"))
                .isEqualTo(List.of("person:ann", "person:bob", "person:cat", "person:dan", "city:100", "city:200"));
        assertThat(out.get("pagerank_natural")).isEqualTo(true);
        assertThat(out.get("algo_wcc")).isEqualTo(List.of("ann", "ann", "ann", "ann", "ann", "ann"));
        assertThat(out.get("degree_out")).isEqualTo(List.of(3, 2, 2, 0, 0, 0));
        assertThat(out.get("gremlin")).isEqualTo(List.of("Paris", "Oslo"));
        assertThat(out.get("gremlin_bound")).isEqualTo(List.of("Oslo"));
        assertThat(out.get("gremlin_count")).isEqualTo(List.of(7));
        assertThat(out.get("cypher")).isEqualTo(List.of(Map.of("name", "person:bob"), Map.of("name", "person:cat"), Map.of("name", "person:cat")));
        assertThat(out.get("cypher_call")).isEqualTo(List.of(Map.of("n", 1)));
        assertThat(out.get("nodes")).isEqualTo(List.of(Map.of("id", "person:ann", "key", "ann", "age", 31),
                Map.of("id", "person:bob", "key", "bob", "age", 42), Map.of("id", "person:cat", "key", "cat", "age", 27),
                nullAge("dan")));
        assertThat(out.get("edges")).isEqualTo(List.of(
                Map.of("from", "person:ann", "to", "person:bob", "weight", 1),
                Map.of("from", "person:bob", "to", "person:cat", "weight", 2),
                Map.of("from", "person:ann", "to", "person:cat", "weight", 5),
                Map.of("from", "person:cat", "to", "person:dan", "weight", 1)));
        assertThat(out.get("limited")).isEqualTo(2);
        assertThat(out.get("subgraph")).isEqualTo(3);
        assertThat(out.get("subgraph_edges")).isEqualTo(3);
        assertThat(out.get("datasets")).isEqualTo(List.of(Map.of("id", "people", "version", 1)));
        assertThat(out.get("instances")).isEqualTo(List.of(Map.of("id", 7, "name", "people-live", "engine", "cpu")));
        assertThat(out.get("loaded")).isEqualTo(6);
        assertThat(out.get("loaded_camel")).isEqualTo(7);
        assertThat(out.get("instance")).isEqualTo(6);
        assertThat(out.get("built")).isEqualTo(3);
        assertThat(out.get("args_natural")).isEqualTo(true);
    }

    private static Map<String, Object> nullAge(String id) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", "person:" + id);
        m.put("key", id);
        m.put("age", null);
        return m;
    }
}
