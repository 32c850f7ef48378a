package io.grapholap.application.dataset;

import java.io.InputStream;

/** Decodes an Arrow IPC stream into a table (port; the CPU engine implements it with Arrow). */
public interface ArrowStreamDecoder {

    /**
     * Reads every record batch of the stream. Column types map back from Arrow as the snapshot format
     * stores them (utf8, int64, int32, float64, float32, bool, date32, timestamp[us], 16-byte fixed binary).
     *
     * @throws io.grapholap.domain.error.ValidationException (field {@code body}) when the stream is not
     *                                                       Arrow IPC, has a column type with no mapping,
     *                                                       or more than {@code maxRows} rows
     */
    UploadedTable decode(InputStream stream, int maxRows);
}
