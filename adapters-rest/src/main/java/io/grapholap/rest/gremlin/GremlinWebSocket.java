package io.grapholap.rest.gremlin;

import io.grapholap.application.dataplane.DriverProtocol;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Gremlin Server endpoint, {@code ws://host:port/gremlin}: the WebSocket that TinkerPop's
 * drivers, the Gremlin Console and tools built on them connect to. It only carries frames; the
 * protocol (formats, SASL authentication, requests, answers) is the {@link DriverProtocol}'s, which
 * handles every frame off this I/O thread. The HTTP upgrade itself needs no credentials: drivers
 * authenticate inside the protocol (application.yml lets {@code /gremlin} through anonymously).
 * Absent when the Gremlin endpoint is disabled ({@code grapholap.gremlin-server.enabled=false}).
 */
@ServerWebSocket(GremlinWebSocket.PATH)
@Requires(beans = DriverProtocol.class)
final class GremlinWebSocket {

    /** Where the drivers connect (their default path). */
    static final String PATH = "/gremlin";

    /** Largest request frame taken (Gremlin Server's default is 10 MiB; a query is at most 100 000 characters). */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private final DriverProtocol protocol;
    private final Map<String, DriverProtocol.Connection> connections = new ConcurrentHashMap<>();

    GremlinWebSocket(DriverProtocol protocol) {
        this.protocol = protocol;
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        connections.put(session.getId(), protocol.open(String.valueOf(request.getRemoteAddress()), new Outbox(session)));
    }

    @OnMessage(maxPayloadLength = MAX_FRAME_BYTES)
    void message(byte[] frame, WebSocketSession session) {
        DriverProtocol.Connection connection = connections.get(session.getId());
        if (connection != null) {
            connection.receive(frame);
        }
    }

    @OnClose
    void close(WebSocketSession session) {
        DriverProtocol.Connection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.closed();
        }
    }

    /** Answers go out on the session: bytes as binary frames, text as text frames. */
    private record Outbox(WebSocketSession session) implements DriverProtocol.Outbox {

        @Override
        public CompletionStage<?> sendBinary(byte[] frame) {
            return session.sendAsync(frame);
        }

        @Override
        public CompletionStage<?> sendText(String frame) {
            return session.sendAsync(frame);
        }
    }
}
