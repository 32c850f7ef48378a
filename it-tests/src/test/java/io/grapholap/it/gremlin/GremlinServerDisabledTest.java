package io.grapholap.it.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.Map;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.exception.NoHostAvailableException;
import org.junit.jupiter.api.Test;

/** {@code grapholap.gremlin-server.enabled=false} takes the endpoint away: a driver finds no server at {@code /gremlin}. */
class GremlinServerDisabledTest {

    @Test
    void aDisabledEndpointIsNotThere() {
        try (RunningServer server = RunningServer.start(MetadataDatabase.H2, Map.of(),
                Map.of("grapholap.source.demo", false, "grapholap.gremlin-server.enabled", false))) {
            assertThat(server.http().request("GET", "/health").send().status()).isEqualTo(200);
            Cluster cluster = Cluster.build(server.http().base().getHost()).port(server.http().base().getPort())
                    .credentials("admin", RunningServer.ADMIN_PASSWORD).create();
            try {
                Throwable thrown = catchThrowable(() -> cluster.connect().submit("g.V().count()").all().get());
                assertThat(thrown).isInstanceOf(NoHostAvailableException.class)
                        .hasStackTraceContaining("Invalid handshake response getStatus: 404");
            } finally {
                cluster.close();
            }
        }
    }
}
