package io.grapholap.application.dataset;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.domain.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads a CSV table (RFC 4180: comma separated, optional double quotes with {@code ""} inside, CRLF
 * or LF; a leading byte order mark is dropped) whose first row names the columns. A header cell
 * {@code name:TYPE} declares the column type (STRING, INT64, INT32, DOUBLE, FLOAT, BOOL, DATE,
 * TIMESTAMP, UUID); otherwise it is inferred from all cells: every non-empty cell an integer INT64,
 * else every one a number DOUBLE, else every one true/false BOOL, else STRING. An empty unquoted
 * cell is null. At most {@code maxRows} data rows and {@link UploadedTable#MAX_COLUMNS} cells a
 * line, both checked while reading. Apache Commons CSV splits the records.
 */
final class CsvTables {

    /**
     * RFC 4180 with empty lines skipped; an empty cell is null unless it was quoted (the strict quote
     * mode keeps {@code ""} as the empty string), and text after a closing quote joins the cell.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setTrailingData(true)
            .get();

    private CsvTables() {
    }

    static UploadedTable parse(String text, int maxRows) {
        return parse(new StringReader(text), maxRows);
    }

    static UploadedTable parse(Reader text, int maxRows) {
        List<List<String>> records = records(text, maxRows + 1);
        if (records.isEmpty()) {
            throw new ValidationException("body", "the CSV has no header row");
        }
        List<String> header = records.getFirst();
        int width = header.size();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ValueType> declared = new ArrayList<>();
        for (String cell : header) {
            String h = cell == null ? "" : cell.trim();
            int colon = h.lastIndexOf(':');
            ValueType type = null;
            if (colon > 0) {
                String t = h.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
                try {
                    type = ValueType.valueOf(t);
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("header", "column " + h + ": unknown type " + t);
                }
                if (!type.isScalar()) {
                    throw new ValidationException("header", "column " + h + ": type " + t + " cannot be stored");
                }
                h = h.substring(0, colon).trim();
            }
            if (!seen.add(h)) {
                throw new ValidationException("header", "column " + h + " appears twice in the header");
            }
            names.add(DatasetValues.requireName("header", h));
            declared.add(type);
        }
        List<String[]> cells = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != width) {
                throw new ValidationException("body", "CSV line " + (r + 1) + " has " + rec.size() + " cells, the header has " + width);
            }
            cells.add(rec.toArray(String[]::new));
        }
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            ValueType type = declared.get(c) != null ? declared.get(c) : infer(cells, c);
            columns.add(ColumnSpec.of(names.get(c), type));
        }
        List<Object[]> rows = new ArrayList<>(cells.size());
        for (int r = 0; r < cells.size(); r++) {
            String[] in = cells.get(r);
            Object[] out = new Object[width];
            for (int c = 0; c < width; c++) {
                out[c] = value(in[c], columns.get(c), r + 2);
            }
            rows.add(out);
        }
        return new UploadedTable(columns, rows);
    }

    private static ValueType infer(List<String[]> cells, int c) {
        boolean integers = true;
        boolean numbers = true;
        boolean booleans = true;
        boolean any = false;
        for (String[] row : cells) {
            String v = row[c];
            if (v == null) {
                continue;
            }
            any = true;
            String t = v.trim();
            integers &= t.matches("[+-]?\\d{1,18}");
            numbers &= isNumber(t);
            booleans &= t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
        }
        if (!any) {
            return ValueType.STRING;
        }
        return integers ? ValueType.INT64 : numbers ? ValueType.DOUBLE : booleans ? ValueType.BOOL : ValueType.STRING;
    }

    private static boolean isNumber(String t) {
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return false;
        }
        return true;
    }

    private static Object value(String cell, ColumnSpec column, int line) {
        if (cell == null) {
            return null;
        }
        String t = cell.trim();
        try {
            return switch (column.type()) {
                case STRING -> cell;
                case INT64 -> Long.parseLong(t);
                case INT32 -> Integer.parseInt(t);
                case DOUBLE -> Double.parseDouble(t);
                case FLOAT -> Float.parseFloat(t);
                case BOOL -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException(t);
                    }
                    yield Boolean.parseBoolean(t);
                }
                case DATE -> (int) java.time.LocalDate.parse(t).toEpochDay();
                case TIMESTAMP -> java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.parse(t));
                case UUID -> java.util.UUID.fromString(t);
                case LIST -> throw new IllegalArgumentException(t);
            };
        } catch (RuntimeException e) {
            throw new ValidationException(column.name(), "CSV line " + line + ": column " + column.name() + " is " + column.type()
                    + " but the cell is " + DatasetValues.describe(cell));
        }
    }

    /**
     * Reads the records; an empty unquoted cell is null, a quoted one the empty string, and an empty
     * line is skipped. At most {@code maxRecords} records and {@link UploadedTable#MAX_COLUMNS} cells a
     * record, checked as each record is read.
     */
    private static List<List<String>> records(Reader text, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(text))) {
            for (CSVRecord record : parser) {
                if (record.size() > UploadedTable.MAX_COLUMNS) {
                    throw new ValidationException("body", "CSV line " + (records.size() + 1) + " has more than "
                            + UploadedTable.MAX_COLUMNS + " cells; a table takes at most " + UploadedTable.MAX_COLUMNS + " columns",
                            Map.of("max_columns", UploadedTable.MAX_COLUMNS));
                }
                records.add(record.toList());
                if (records.size() > maxRecords) {
                    throw new ValidationException("body", "one upload takes at most " + (maxRecords - 1) + " rows",
                            Map.of("max", maxRecords - 1));
                }
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
        return records;
    }

    private static RuntimeException unreadable(IOException e) {
        if (e instanceof CSVException) {
            String reason = e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")
                    ? "the CSV ends inside a quoted cell" : "the CSV cannot be read: " + e.getMessage();
            return new ValidationException("body", reason);
        }
        return new UncheckedIOException("cannot read the upload", e);
    }

    private static Reader withoutByteOrderMark(Reader text) throws IOException {
        BufferedReader in = new BufferedReader(text);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }
}
