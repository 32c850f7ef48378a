package io.grapholap.rest.gremlin;

import io.grapholap.application.dataplane.DriverProtocol;
import io.micronaut.context.BeanContext;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.web.router.DefaultRouteBuilder;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import jakarta.inject.Singleton;

/**
 * The Gremlin endpoint on a port of its own as well, {@code grapholap.gremlin-server.port} (8182 is
 * Gremlin Server's, what tools connect to by default): the WebSocket's routes, exposed on that port
 * only. Micronaut opens a listener for a port that routes are exposed on and serves nothing else there,
 * so that port answers {@code /gremlin} and 404 to every other path; the server's own port keeps
 * serving {@code /gremlin} too.
 */
@Singleton
@Requires(beans = DriverProtocol.class)
@Requires(property = "grapholap.gremlin-server.port")
final class GremlinPortRoutes extends DefaultRouteBuilder {

    GremlinPortRoutes(ExecutionHandleLocator locator, BeanContext beans, @Property(name = "grapholap.gremlin-server.port") int port) {
        super(locator);
        BeanDefinition<GremlinWebSocket> socket = beans.getBeanDefinition(GremlinWebSocket.class);
        for (ExecutableMethod<GremlinWebSocket, ?> method : socket.getExecutableMethods()) {
            if (method.hasAnnotation(OnOpen.class) || method.hasAnnotation(OnMessage.class)) {
                GET(GremlinWebSocket.PATH, socket, method).exposedPort(port);
            }
        }
    }
}
