package io.grapholap.rest.web;

import java.util.List;

/**
 * The type a binary output column gets from its values: BOOL when every value is a boolean, INT64
 * when every value is an integer, DOUBLE when every value is a number, STRING otherwise (maps and
 * lists written as JSON text, everything else as its string); a column of nulls only is STRING.
 */
public enum ColumnKind {
    BOOL, INT64, DOUBLE, STRING;

    public static ColumnKind of(List<List<Object>> rows, int column) {
        boolean bools = true;
        boolean ints = true;
        boolean numbers = true;
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = row.get(column);
            if (v == null) {
                continue;
            }
            any = true;
            bools &= v instanceof Boolean;
            ints &= v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
            numbers &= v instanceof Number;
        }
        if (!any) {
            return STRING;
        }
        return bools ? BOOL : ints ? INT64 : numbers ? DOUBLE : STRING;
    }

    public static String text(Object v) {
        return v instanceof java.util.Map || v instanceof java.util.Collection ? JsonOf.write(v) : String.valueOf(v);
    }
}
