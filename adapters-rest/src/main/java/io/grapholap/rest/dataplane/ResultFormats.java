package io.grapholap.rest.dataplane;

import io.grapholap.application.udf.TableEncoder;
import io.grapholap.rest.error.ErrorEnvelope;
import io.grapholap.rest.web.ArrowTables;
import io.grapholap.application.common.FlatTable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes a table of JSON-like values (a query or algorithm result) as CSV, as an Arrow IPC stream
 * ({@link ArrowTables}) or as Parquet (the UDF output encoder), after {@link FlatTable} has made a
 * column of maps into a column per key. Rows are already bounded by the row limit, so the body is
 * built in memory. CSV follows RFC 4180 with a header row; lists are JSON text, null is an empty field.
 */
@Singleton
final class ResultFormats {

    static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    static final String CSV = "text/csv";
    static final String PARQUET = "application/vnd.apache.parquet";

    /** The formats a query or an algorithm result answers in, in the order a wildcard picks them. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON), CSV(ResultFormats.CSV), ARROW(ARROW_STREAM), PARQUET(ResultFormats.PARQUET);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final BufferAllocator allocator;
    private final JsonMapper json;
    private final TableEncoder parquet;

    ResultFormats(BufferAllocator allocator, JsonMapper json, @Named("parquet") TableEncoder parquet) {
        this.allocator = allocator;
        this.json = json;
        this.parquet = parquet;
    }

    /**
     * The format an {@code Accept} header asks for: the first of its media types (by order, quality
     * ignored) that we write; absent or wildcard means JSON; none we write is a 406.
     */
    static Format negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "*/*", "application/*", MediaType.APPLICATION_JSON -> {
                    return Format.JSON;
                }
                case CSV, "text/*" -> {
                    return Format.CSV;
                }
                case ARROW_STREAM -> {
                    return Format.ARROW;
                }
                case PARQUET -> {
                    return Format.PARQUET;
                }
                default -> {
                    // try the next one
                }
            }
        }
        return null;
    }

    static MutableHttpResponse<Object> notAcceptable(String accept) {
        return HttpResponse.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorEnvelope.of("NOT_ACCEPTABLE", "cannot answer with '" + accept
                        + "'; this route writes application/json, text/csv, " + ARROW_STREAM + " or " + PARQUET,
                        Map.of("accept", accept, "supported", List.of(MediaType.APPLICATION_JSON, CSV, ARROW_STREAM, PARQUET))));
    }

    /** A 200 with {@code rows} under {@code columns} in {@code format}, which is one of the tabular ones. */
    MutableHttpResponse<byte[]> answer(Format format, List<String> columns, List<List<Object>> rows) {
        return HttpResponse.ok(table(format, columns, rows)).contentType(format.mediaType);
    }

    /** {@code rows} under {@code columns} in {@code format}, which is one of the tabular ones (not JSON). */
    byte[] table(Format format, List<String> columns, List<List<Object>> rows) {
        FlatTable flat = FlatTable.of(columns, rows);
        return switch (format) {
            case CSV -> csv(flat.columns(), flat.rows());
            case ARROW -> ArrowTables.write(allocator, "result-arrow", flat.columns(), flat.rows(), Long.MAX_VALUE);
            case PARQUET -> parquet.encode(flat.columns(), flat.rows(), Long.MAX_VALUE);
            case JSON -> throw new IllegalArgumentException("JSON answers are written by the controller");
        };
    }

    private byte[] csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String text = v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? v.toString() : toJson(v);
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                sb.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(text);
            }
        }
        sb.append("\r\n");
    }

    private String toJson(Object v) {
        try {
            return json.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
