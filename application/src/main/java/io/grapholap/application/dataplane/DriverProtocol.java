package io.grapholap.application.dataplane;

import java.util.concurrent.CompletionStage;

/**
 * Gremlin Server's WebSocket sub-protocol, the one TinkerPop's drivers speak, as a transport sees
 * it: a connection takes whole message frames and answers with frames of its own. The transport (a
 * WebSocket endpoint) knows nothing of the protocol; an implementation decodes the requests,
 * authenticates the connection, runs the queries through {@link DriverAccess} (so they obey the
 * same permissions, limits and audit as HTTP queries) and writes the answers.
 */
public interface DriverProtocol {

    /**
     * A new connection from {@code remote} (an address, for logs) that answers through {@code out}.
     * Cheap, and safe to call on the transport's I/O thread.
     */
    Connection open(String remote, Outbox out);

    /** One client connection. */
    interface Connection {

        /**
         * One whole message frame as received: binary (a length byte, a mime type, then the request
         * in that format) or text (a GraphSON request). Returns at once: the request is handled on
         * other threads, never on the caller's.
         */
        void receive(byte[] frame);

        /** The peer went away: requests of this connection still running are stopped. */
        void closed();
    }

    /** Where a connection writes its answers; both methods may be called from any thread. */
    interface Outbox {

        /** Sends a binary frame; completes when it is written (or fails when the connection is gone). */
        CompletionStage<?> sendBinary(byte[] frame);

        /** Sends a text frame; completes when it is written (or fails when the connection is gone). */
        CompletionStage<?> sendText(String frame);
    }
}
