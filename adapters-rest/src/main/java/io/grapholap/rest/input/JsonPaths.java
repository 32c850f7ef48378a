package io.grapholap.rest.input;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** Names a place in a JSON document as a client wrote it: {@code node_definitions[0].label}; {@code body} at the top. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Where a parser standing in {@code context} is. */
    public static String of(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(out.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
