package io.grapholap.gremlin.csr;

import io.cucumber.java.Scenario;
import io.grapholap.graph.csr.CsrGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.tinkerpop.gremlin.LoadGraphWith;
import org.apache.tinkerpop.gremlin.features.World;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.io.graphml.GraphMLReader;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.AssumptionViolatedException;

/**
 * The Gherkin suite's view of this engine: each sample graph loaded once from TinkerPop's
 * reference data into a {@link CsrGraph} and served through {@link CsrGremlinGraph}; the empty graph
 * is an empty CSR graph.
 *
 * <p>A scenario is skipped, with the reason recorded, when it needs what a loaded read-only
 * columnar graph cannot offer: writing the graph (a graph initializer, or a mutating step in a
 * scenario that does not expect the write to be refused; {@code mergeE} on the sample graphs only
 * matches existing edges, so it runs),
 * file I/O, reading meta-properties (the CREW graph's {@code startTime}/{@code endTime} on
 * {@code location}; its multi-valued {@code location} itself is served from a LIST column), a graph
 * computer or a remote server. Scenarios with lambda parameters are left to TinkerPop's step
 * definitions, which skip them with their own reason. Everything else must pass.
 */
public final class CsrFeatureWorld implements World {

    private static final Map<LoadGraphWith.GraphData, CsrGremlinGraph> GRAPHS = new EnumMap<>(LoadGraphWith.GraphData.class);
    private static final CsrGremlinGraph EMPTY = new CsrGremlinGraph(CsrGraph.builder(0, true)
            .outAdjacency(new int[1], new int[0]).build());
    private static final Map<String, List<String>> FEATURE_LINES = new ConcurrentHashMap<>();
    private static final Pattern MUTATION = Pattern.compile("\\b(addV|addE|mergeV|drop|property)\\(");
    private static final Pattern IO = Pattern.compile("\\bio\\(");
    private static final Pattern META_PROPERTY_READ = Pattern.compile("properties\\(\\)\\.properties\\(|startTime|endTime");
    private static final Pattern CALL = Pattern.compile("\\bcall\\(");
    private static final java.util.Set<String> EXPECTS_TINKER_EDGE_IDS = java.util.Set.of("g_E_asString");
    private static final java.util.Set<String> EXPECTS_TINKER_VERTEX_IDS = java.util.Set.of("g_V_asString",
            "g_V_fold_asStringXlocalX_orderXlocalX");

    static synchronized CsrGremlinGraph graph(LoadGraphWith.GraphData data) {
        return GRAPHS.computeIfAbsent(data, d -> new CsrGremlinGraph(TinkerToCsr.convert(switch (d) {
            case CLASSIC -> TinkerFactory.createClassic();
            case MODERN -> TinkerFactory.createModern();
            case CREW -> TinkerFactory.createTheCrew();
            case GRATEFUL -> gratefulDead();
            case SINK -> TinkerFactory.createKitchenSink();
        })));
    }

    /**
     * The Grateful Dead graph from its GraphML copy: TinkerFactory reads a Kryo file whose reader
     * needs reflective access that Java 25 closes. Vertex and edge ids are read as integers, as in
     * the Kryo copy.
     */
    static Graph gratefulDead() {
        Configuration conf = new BaseConfiguration();
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_ID_MANAGER, TinkerGraph.DefaultIdManager.INTEGER.name());
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_EDGE_ID_MANAGER, TinkerGraph.DefaultIdManager.INTEGER.name());
        TinkerGraph graph = TinkerGraph.open(conf);
        try (InputStream in = CsrFeatureWorld.class.getClassLoader()
                .getResourceAsStream("org/apache/tinkerpop/gremlin/structure/io/graphml/grateful-dead.xml")) {
            GraphMLReader.build().create().readGraph(in, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    @Override
    public GraphTraversalSource getGraphTraversalSource(LoadGraphWith.GraphData graphData) {
        return graphData == null ? EMPTY.traversal() : graph(graphData).traversal();
    }

    /** Vertex ids are identity strings ("person:1"), written into scripts as string literals. */
    @Override
    public String convertIdToScript(Object id, Class<? extends org.apache.tinkerpop.gremlin.structure.Element> type) {
        return id instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : id.toString();
    }

    @Override
    public void beforeEachScenario(Scenario scenario) {
        String reason = skipReason(scenario.getName(), scenario.getSourceTagNames(), scenarioText(scenario));
        if (reason != null) {
            throw new AssumptionViolatedException(reason);
        }
    }

    static String skipReason(String name, java.util.Collection<String> tags, String text) {
        if (tags.contains("@GraphComputerOnly")) {
            return "needs a graph computer (OLAP traversal); this structure runs traversals in OLTP only";
        }
        if (tags.contains("@RemoteOnly")) {
            return "needs a remote Gremlin Server";
        }
        if (text.contains("the graph initializer of")) {
            return "builds its own graph with a graph initializer; a loaded graph is read-only";
        }
        if (text.contains("\"c[")) {
            return null;
        }
        if (MUTATION.matcher(text).find() && !text.contains("raise an error")) {
            return "writes to the graph (addV/addE/mergeV/property/drop); a loaded graph is read-only";
        }
        if (IO.matcher(text).find()) {
            return "reads or writes graph files with io(); a loaded graph is read-only";
        }
        if (CALL.matcher(text).find()) {
            return "calls TinkerGraph's own services (tinker.search, tinker.degree.centrality) with call()";
        }
        if (tags.contains("@UserSuppliedVertexPropertyIds")) {
            return "expects TinkerGraph's vertex property ids (0, 1, … in insertion order); ids here derive from vertex, column and position";
        }
        if (EXPECTS_TINKER_EDGE_IDS.contains(name)) {
            return "expects TinkerGraph's edge ids (7..12) inside strings; edge ids here are edge row ids";
        }
        if (EXPECTS_TINKER_VERTEX_IDS.contains(name)) {
            return "expects TinkerGraph's vertex ids (1..6) inside strings; vertex ids here are identities \"Label:key\"";
        }
        if (tags.contains("@MetaProperties") && META_PROPERTY_READ.matcher(text).find()) {
            return "needs meta-properties (properties on vertex properties); the columnar model keeps none";
        }
        return null;
    }

    /** The steps of the scenario starting at the scenario's line, read from its feature file. */
    private static String scenarioText(Scenario scenario) {
        List<String> lines = FEATURE_LINES.computeIfAbsent(scenario.getUri().toString(), CsrFeatureWorld::readFeature);
        StringBuilder text = new StringBuilder();
        for (int i = scenario.getLine(); i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("Scenario") || (line.startsWith("@") && i > scenario.getLine())) {
                break;
            }
            if (!line.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> readFeature(String uri) {
        String path = uri.replaceFirst("^classpath:/?", "");
        try (InputStream in = CsrFeatureWorld.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("feature file not found on the class path: " + uri);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
