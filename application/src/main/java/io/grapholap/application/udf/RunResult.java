package io.grapholap.application.udf;

import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;

/**
 * What one UDF run answers: the engine that ran it, the output type and format used, and the encoded
 * body with its media type. {@code value} is the same output as plain values (maps, lists, strings,
 * numbers) when the format is JSON, for callers that embed it in an envelope of their own; null
 * for the other formats.
 */
public record RunResult(String engine, OutputType outputType, OutputFormat format, String contentType, byte[] body,
                        Object value) {
}
