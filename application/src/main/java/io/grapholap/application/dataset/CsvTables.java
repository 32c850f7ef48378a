package io.grapholap.application.dataset;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV table (RFC 4180: comma separated, optional double quotes with {@code ""} inside, CRLF
 * or LF) whose first row names the columns. A header cell {@code name:TYPE} declares the column type
 * (STRING, INT64, INT32, DOUBLE, FLOAT, BOOL, DATE, TIMESTAMP, UUID); otherwise it is inferred from
 * all cells: every non-empty cell an integer INT64, else every one a number DOUBLE, else every one
 * true/false BOOL, else STRING. An empty unquoted cell is null. At most {@code maxRows} data rows
 * and {@link UploadedTable#MAX_COLUMNS} cells a line, both checked while reading.
 */
final class CsvTables {

    private CsvTables() {
    }

    static UploadedTable parse(String text, int maxRows) {
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

    /** Splits the text into records of cells; an empty unquoted cell is null. At most {@code maxRecords}. */
    private static List<List<String>> records(String text, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                record.add(cell(cell, wasQuoted));
                wasQuoted = false;
                if (record.size() >= UploadedTable.MAX_COLUMNS) {
                    throw new ValidationException("body", "CSV line " + (records.size() + 1) + " has more than "
                            + UploadedTable.MAX_COLUMNS + " cells; a table takes at most " + UploadedTable.MAX_COLUMNS + " columns",
                            java.util.Map.of("max_columns", UploadedTable.MAX_COLUMNS));
                }
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell(cell, wasQuoted));
                wasQuoted = false;
                if (!(record.size() == 1 && record.getFirst() == null)) {
                    records.add(record);
                    if (records.size() > maxRecords) {
                        throw new ValidationException("body", "one upload takes at most " + (maxRecords - 1) + " rows",
                                java.util.Map.of("max", maxRecords - 1));
                    }
                }
                record = new ArrayList<>();
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new ValidationException("body", "the CSV ends inside a quoted cell");
        }
        if (!cell.isEmpty() || wasQuoted || !record.isEmpty()) {
            record.add(cell(cell, wasQuoted));
            records.add(record);
            if (records.size() > maxRecords) {
                throw new ValidationException("body", "one upload takes at most " + (maxRecords - 1) + " rows",
                        java.util.Map.of("max", maxRecords - 1));
            }
        }
        return records;
    }

    private static String cell(StringBuilder cell, boolean quoted) {
        String s = cell.toString();
        cell.setLength(0);
        return s.isEmpty() && !quoted ? null : s;
    }
}
