package io.grapholap.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every ClusterNodes must do: run by the JDBC one on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClusterNodesContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private ClusterNodes nodes;

    protected abstract ClusterNodes open();

    protected void close() {
    }

    @BeforeAll
    void start() {
        nodes = open();
    }

    @AfterAll
    void stop() {
        close();
    }

    private static ClusterNode node(String id, Instant at) {
        return new ClusterNode(id, "http://" + id + ":8080", 4, 1L << 30, List.of("cpu", "gpu"), at, at);
    }

    @Test
    void nodesRegisterBeatAndLeave() {
        nodes.register(node("a", T0));
        nodes.register(node("b", T0));
        assertThat(nodes.heartbeat("a", T0.plusSeconds(5))).isTrue();
        assertThat(nodes.list()).containsExactly(node("a", T0).withHeartbeat(T0.plusSeconds(5)), node("b", T0));

        nodes.register(new ClusterNode("b", "http://elsewhere:9090", 2, 7, List.of(), T0.plusSeconds(9), T0.plusSeconds(9)));
        assertThat(nodes.list()).filteredOn(n -> n.id().equals("b")).singleElement()
                .satisfies(n -> assertThat(n.url()).isEqualTo("http://elsewhere:9090"))
                .satisfies(n -> assertThat(n.engines()).isEmpty());

        nodes.deregister("b");
        assertThat(nodes.heartbeat("b", T0.plusSeconds(10))).isFalse();
        assertThat(nodes.list()).extracting(ClusterNode::id).containsExactly("a");
        nodes.deregister("a");
    }

    @Test
    void theRegistryShowsNodesWithoutARecentHeartbeatAsDeadAndRegistersAgainWhenItsRowIsGone() {
        Clock clock = Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC);
        NodeRegistry registry = new NodeRegistry(nodes, "self", Duration.ofSeconds(30), clock);
        registry.heartbeat();
        assertThat(nodes.list()).as("nothing before it registers").isEmpty();
        registry.register(node("self", T0));
        nodes.register(node("gone quiet", T0));
        assertThat(registry.statuses()).extracting(s -> s.node().id() + " " + s.status() + " " + s.self())
                .containsExactly("gone quiet dead false", "self alive true");

        nodes.deregister("self");
        registry.heartbeat();
        assertThat(nodes.list()).extracting(ClusterNode::id).contains("self");
        registry.deregister();
        nodes.deregister("gone quiet");
        assertThat(nodes.list()).isEmpty();
    }
}
