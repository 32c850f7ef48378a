package io.grapholap.application.udf;

import java.util.List;

/**
 * Out-port: writes a table of rows in one binary format (Parquet, Arrow IPC stream). Values are
 * plain (null, Boolean, Number, String; anything else as its JSON text); a column's type is taken
 * from its values. Fails on field {@code output} once the bytes pass {@code maxBytes}.
 */
public interface TableEncoder {

    /** The format this encoder writes. */
    io.grapholap.domain.udf.OutputFormat format();

    /** The media type of what {@link #encode} writes. */
    String contentType();

    byte[] encode(List<String> columns, List<List<Object>> rows, long maxBytes);
}
