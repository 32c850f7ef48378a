package io.grapholap.cypher.tck;

import io.grapholap.cypher.eval.Semantics;
import io.grapholap.cypher.exec.Procedures;
import io.grapholap.cypher.exec.RowBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The procedures a TCK scenario declares ({@code there exists a procedure test.my.proc(in :: INTEGER?)
 * :: (out :: STRING?):} with a table): each answers, for given arguments, the table's rows whose input
 * columns equal them, as records of the output columns.
 */
final class TckProcedures implements Procedures {

    private static final Pattern DECLARATION = Pattern.compile("there exists a procedure ([\\w.]+)\\((.*?)\\) :: (VOID|\\((.*)\\)):$");
    private static final Pattern FIELD = Pattern.compile("\\s*(\\w+)\\s*::\\s*(\\w+)\\??\\s*");

    private record Procedure(Signature signature, List<List<Object>> rows) {
    }

    private final Map<String, Procedure> declared = new LinkedHashMap<>();

    /** Adds the procedure a step declares; {@code table} is its header (inputs, then outputs) and rows. */
    void declare(String step, List<List<String>> table) {
        Matcher m = DECLARATION.matcher(step);
        if (!m.find()) {
            throw new IllegalArgumentException("not a procedure declaration: " + step);
        }
        List<Field> inputs = fields(m.group(2));
        boolean isVoid = m.group(3).equals("VOID");
        List<Field> outputs = isVoid ? List.of() : fields(m.group(4));
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : table.subList(Math.min(1, table.size()), table.size())) {
            rows.add(row.stream().map(TckValue::parse).toList());
        }
        declared.put(m.group(1), new Procedure(new Signature(inputs, outputs, isVoid), rows));
    }

    private static List<Field> fields(String list) {
        List<Field> fields = new ArrayList<>();
        if (list.isBlank()) {
            return fields;
        }
        for (String part : list.split(",")) {
            Matcher m = FIELD.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a procedure field: " + part);
            }
            fields.add(new Field(m.group(1), Type.valueOf(m.group(2).toUpperCase(Locale.ROOT))));
        }
        return fields;
    }

    @Override
    public Optional<Signature> signature(String name) {
        return Optional.ofNullable(declared.get(name)).map(Procedure::signature);
    }

    @Override
    public List<Map<String, Object>> call(String name, List<Object> arguments, RowBudget budget) {
        Procedure p = declared.get(name);
        int in = p.signature().inputs().size();
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<Object> row : p.rows()) {
            boolean matches = true;
            for (int i = 0; i < in && matches; i++) {
                matches = Semantics.equivalent(row.get(i), arguments.get(i));
            }
            if (matches) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int o = 0; o < p.signature().outputs().size(); o++) {
                    record.put(p.signature().outputs().get(o).name(), row.get(in + o));
                }
                records.add(record);
                budget.hold(records.size());
            }
        }
        return records;
    }
}
