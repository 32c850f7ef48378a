package io.grapholap.rest.udf.output;

import io.grapholap.application.udf.TableEncoder;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.rest.web.ArrowTables;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** UDF output as an Arrow IPC stream ({@link ArrowTables}), on the server's allocator. */
final class ArrowTableEncoder implements TableEncoder {

    private final BufferAllocator root;

    ArrowTableEncoder(BufferAllocator root) {
        this.root = root;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.ARROW;
    }

    @Override
    public String contentType() {
        return "application/vnd.apache.arrow.stream";
    }

    @Override
    public byte[] encode(List<String> columns, List<List<Object>> rows, long maxBytes) {
        return ArrowTables.write(root, "udf-output", columns, rows, maxBytes);
    }
}
