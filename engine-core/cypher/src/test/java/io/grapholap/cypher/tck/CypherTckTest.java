package io.grapholap.cypher.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.cypher.CypherSyntaxException;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.exec.CypherExecutor;
import io.grapholap.cypher.exec.CypherQueries;
import io.grapholap.cypher.exec.MemoryGraph;
import io.grapholap.cypher.exec.Procedures;
import io.grapholap.cypher.exec.ReadOnlyQueryException;
import io.grapholap.cypher.exec.RowBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The openCypher TCK against the executor, on graphs built from the scenarios' {@code CREATE} set-ups
 * ({@link MemoryGraph}): every scenario runs, and is passed, failed, or skipped with a reason (its
 * query writes, its set-up needs more than CREATE, it declares procedures). The tally per feature file
 * is written to {@code target/cypher-tck.md}. Until the executor is wired to instances (issue 16) the
 * test holds the line: fewer passing scenarios than {@link #PASSING_AT_LEAST} is a regression.
 */
class CypherTckTest {

    /** Scenarios that pass today; raise it as the executor grows, never lower it. */
    private static final int PASSING_AT_LEAST = 658;

    enum Status { PASSED, FAILED, SKIPPED }

    record Outcome(String feature, String scenario, Status status, String message) {
    }

    @Test
    void theTckScenariosRun() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (TckScenarios.Scenario s : TckScenarios.all()) {
            outcomes.add(run(s));
        }
        Map<String, int[]> byFeature = new TreeMap<>();
        for (Outcome o : outcomes) {
            byFeature.computeIfAbsent(o.feature(), f -> new int[3])[o.status().ordinal()]++;
        }
        long passed = outcomes.stream().filter(o -> o.status() == Status.PASSED).count();
        long failed = outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == Status.SKIPPED).count();
        StringBuilder report = new StringBuilder("# openCypher TCK 1.0.0-M14 against the executor\n\n")
                .append(String.format("%d scenarios: %d passed, %d failed, %d skipped%n%n", outcomes.size(), passed, failed, skipped))
                .append("| feature | passed | failed | skipped |\n|---|---|---|---|\n");
        byFeature.forEach((f, c) -> report.append(String.format("| %s | %d | %d | %d |%n", f, c[0], c[1], c[2])));
        report.append("\n## Failed\n\n");
        outcomes.stream().filter(o -> o.status() == Status.FAILED)
                .forEach(o -> report.append("- ").append(o.feature()).append(" / ").append(o.scenario()).append(": ")
                        .append(o.message().replace('\n', ' ')).append('\n'));
        report.append("\n## Skipped\n\n");
        outcomes.stream().filter(o -> o.status() == Status.SKIPPED)
                .forEach(o -> report.append("- ").append(o.feature()).append(" / ").append(o.scenario()).append(": ").append(o.message()).append('\n'));
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("cypher-tck.md"), report, StandardCharsets.UTF_8);
        System.out.printf("[cypher] TCK: %d scenarios, passed %d, failed %d, skipped %d%n", outcomes.size(), passed, failed, skipped);

        assertThat(outcomes).as("scenarios read").hasSizeGreaterThan(900);
        assertThat(passed).as("passing scenarios (see target/cypher-tck.md)").isGreaterThanOrEqualTo(PASSING_AT_LEAST);
    }

    private static Outcome run(TckScenarios.Scenario s) {
        List<String> setup = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        CypherExecutor.Result result = null;
        RuntimeException error = null;
        MemoryGraph graph = null;
        try {
            for (TckScenarios.Step step : s.steps()) {
                String t = step.text();
                if (s.feature().startsWith("Temporal") || s.feature().startsWith("Duration")) {
                    return skip(s, "temporal types (date, time, datetime, duration) are not supported");
                }
                if (t.matches("(Given|And) (an empty|any) graph")) {
                    continue;
                }
                if (t.matches("(Given|And) the .* graph")) {
                    setup.add(TckScenarios.graphScript(t.replaceAll("^(Given|And) the (.*) graph$", "$2")));
                } else if (t.endsWith("having executed:")) {
                    if (!step.docString().matches("(?is)\\s*(CREATE\\b.*)")) {
                        return skip(s, "set-up needs more than CREATE");
                    }
                    setup.add(step.docString());
                } else if (t.endsWith("parameters are:")) {
                    for (List<String> row : step.table()) {
                        parameters.put(row.get(0), TckValue.parse(row.get(1)));
                    }
                } else if (t.contains("there exists a procedure")) {
                    return skip(s, "declares a procedure");
                } else if (t.endsWith("executing query:")) {
                    try {
                        graph = MemoryGraph.of(setup.toArray(String[]::new));
                    } catch (RuntimeException e) {
                        return skip(s, "set-up not loadable: " + e.getMessage());
                    }
                    try {
                        result = CypherQueries.run(graph, Procedures.NONE, step.docString(), parameters, RowBudget.of(1_000_000));
                    } catch (ReadOnlyQueryException e) {
                        return skip(s, "writes (" + e.clause() + ")");
                    } catch (CypherSyntaxException | CypherRuntimeException | RowBudget.CypherLimitException e) {
                        error = e;
                    }
                } else if (t.startsWith("Then the result should be")) {
                    if (error != null) {
                        return fail(s, "failed with " + error.getMessage());
                    }
                    String mismatch = compare(step.table(), result, graph, t.contains("in order"), t.endsWith("empty"),
                            t.contains("ignoring element order for lists"));
                    if (mismatch != null) {
                        return fail(s, mismatch);
                    }
                } else if (t.startsWith("Then a ") && t.contains("should be raised")) {
                    String detail = t.substring(t.lastIndexOf(':') + 1).trim();
                    if (error == null) {
                        return fail(s, "expected " + detail + ", got a result");
                    }
                    String ours = error instanceof CypherSyntaxException x ? x.detail()
                            : error instanceof CypherRuntimeException x ? x.code() : "RowLimit";
                    if (!ours.equals(detail)) {
                        return fail(s, "expected " + detail + ", got " + ours + ": " + error.getMessage());
                    }
                } else if (t.contains("side effects")) {
                    if (!t.contains("no side effects")) {
                        return skip(s, "side effects (writes)");
                    }
                } else {
                    return skip(s, "step not understood: " + t);
                }
            }
        } catch (Exception e) {
            return fail(s, "harness: " + e);
        }
        return new Outcome(s.feature(), s.name(), Status.PASSED, "");
    }

    private static String compare(List<List<String>> table, CypherExecutor.Result result, MemoryGraph graph, boolean ordered, boolean empty,
                                  boolean listsUnordered) {
        if (empty) {
            return result.rows().isEmpty() ? null : "expected no rows, got " + result.rows().size();
        }
        List<String> header = table.get(0);
        if (!header.equals(result.columns())) {
            return "columns " + result.columns() + ", expected " + header;
        }
        List<List<Object>> expected = new ArrayList<>();
        for (List<String> row : table.subList(1, table.size())) {
            expected.add(row.stream().map(c -> listsUnordered ? TckValue.sortLists(TckValue.parse(c)) : TckValue.parse(c)).toList());
        }
        List<List<Object>> actual = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            actual.add(row.stream().map(v -> listsUnordered ? TckValue.sortLists(TckValue.of(v, graph)) : TckValue.of(v, graph)).toList());
        }
        if (expected.size() != actual.size()) {
            return "expected " + expected.size() + " rows, got " + actual.size() + ": " + actual;
        }
        if (ordered) {
            for (int i = 0; i < expected.size(); i++) {
                if (!TckValue.same(expected.get(i), actual.get(i))) {
                    return "row " + i + ": expected " + expected.get(i) + ", got " + actual.get(i);
                }
            }
            return null;
        }
        List<List<Object>> left = new ArrayList<>(actual);
        for (List<Object> want : expected) {
            int at = -1;
            for (int i = 0; i < left.size() && at < 0; i++) {
                if (TckValue.same(want, left.get(i))) {
                    at = i;
                }
            }
            if (at < 0) {
                return "no row " + want + " in " + actual;
            }
            left.remove(at);
        }
        return null;
    }

    private static Outcome skip(TckScenarios.Scenario s, String why) {
        return new Outcome(s.feature(), s.name(), Status.SKIPPED, why);
    }

    private static Outcome fail(TckScenarios.Scenario s, String why) {
        return new Outcome(s.feature(), s.name(), Status.FAILED, why.length() > 300 ? why.substring(0, 300) + "…" : why);
    }
}
