package io.grapholap.gremlin.csr.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV2;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.MessageTextSerializer;
import org.apache.tinkerpop.gremlin.util.ser.SerTokens;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;

/**
 * The message formats of the protocol, with TinkerPop's own serializers: GraphBinary 1.0, GraphSON
 * 3.0 and GraphSON 2.0. A binary frame starts with the length of a mime type and the mime type, and
 * is answered in that format with binary frames; a text frame is a GraphSON 3.0 request and is
 * answered with text frames, as Gremlin Server does. An unknown mime type is read as GraphBinary,
 * again as Gremlin Server does. The serializers are thread-safe and shared by every connection.
 */
final class WireFormats {

    /** How one request is read and its answers written. */
    record Format(MessageSerializer<?> serializer, boolean text) {
    }

    /** A request and the format its answers go out in. */
    record Decoded(RequestMessage message, Format format) {
    }

    private static final ByteBufAllocator ALLOCATOR = UnpooledByteBufAllocator.DEFAULT;

    private final Map<String, MessageSerializer<?>> byMimeType = new LinkedHashMap<>();
    private final Format binaryDefault;
    private final Format text;

    WireFormats() {
        GraphBinaryMessageSerializerV1 graphBinary = new GraphBinaryMessageSerializerV1();
        GraphSONMessageSerializerV3 graphSon3 = new GraphSONMessageSerializerV3();
        GraphSONMessageSerializerV2 graphSon2 = new GraphSONMessageSerializerV2();
        byMimeType.put(SerTokens.MIME_GRAPHBINARY_V1, graphBinary);
        byMimeType.put(SerTokens.MIME_GRAPHSON_V3, graphSon3);
        byMimeType.put(SerTokens.MIME_GRAPHSON_V2, graphSon2);
        byMimeType.put(SerTokens.MIME_JSON, graphSon3);
        binaryDefault = new Format(graphBinary, false);
        text = new Format(graphSon3, true);
    }

    /**
     * Whether {@code frame} reads as a text (JSON) request rather than a mime-type prefixed one: a JSON
     * request starts with '{', which as a length byte would announce a 123-character mime type, longer
     * than any. (A space cannot tell them apart: it is the length byte of GraphBinary's 32-character
     * mime type.)
     */
    static boolean isText(byte[] frame) {
        return frame.length > 0 && frame[0] == '{';
    }

    Decoded decode(byte[] frame) throws SerializationException {
        if (frame.length == 0) {
            throw new SerializationException("an empty frame holds no request");
        }
        if (isText(frame)) {
            MessageTextSerializer<?> serializer = (MessageTextSerializer<?>) text.serializer();
            return new Decoded(serializer.deserializeRequest(new String(frame, StandardCharsets.UTF_8)), text);
        }
        int length = frame[0] & 0xff;
        if (1 + length > frame.length) {
            throw new SerializationException("the frame is shorter than the mime type it announces");
        }
        String mimeType = new String(frame, 1, length, StandardCharsets.UTF_8);
        MessageSerializer<?> serializer = byMimeType.get(mimeType);
        Format format = serializer == null ? binaryDefault : new Format(serializer, false);
        ByteBuf body = Unpooled.wrappedBuffer(frame, 1 + length, frame.length - 1 - length);
        try {
            return new Decoded(format.serializer().deserializeRequest(body), format);
        } finally {
            body.release();
        }
    }

    /** A whole frame's content in {@code format}: text for text formats, bytes otherwise. */
    Object encode(ResponseMessage message, Format format) throws SerializationException {
        if (format.text()) {
            return ((MessageTextSerializer<?>) format.serializer()).serializeResponseAsString(message, ALLOCATOR);
        }
        ByteBuf buffer = format.serializer().serializeResponseAsBinary(message, ALLOCATOR);
        try {
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** The format of a frame that could not be read, for the error answer. */
    Format formatOf(byte[] frame) {
        if (isText(frame)) {
            return text;
        }
        int length = frame.length == 0 ? 0 : frame[0] & 0xff;
        if (length == 0 || 1 + length > frame.length) {
            return binaryDefault;
        }
        MessageSerializer<?> serializer = byMimeType.get(new String(frame, 1, length, StandardCharsets.UTF_8));
        return serializer == null ? binaryDefault : new Format(serializer, false);
    }
}
