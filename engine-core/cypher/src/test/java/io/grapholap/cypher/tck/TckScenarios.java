package io.grapholap.cypher.tck;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenarios of the openCypher TCK (org.opencypher:tck 1.0.0-M14 on the test class path), read from
 * its feature files: each with its steps (text, doc string, table), the feature's background first,
 * outlines expanded with their examples. The TCK's files keep to a regular layout, which is all this
 * reader handles.
 */
final class TckScenarios {

    record Step(String text, String docString, List<List<String>> table) {
    }

    record Scenario(String feature, String name, List<Step> steps) {
    }

    private TckScenarios() {
    }

    static List<Scenario> all() throws IOException, URISyntaxException {
        URL marker = TckScenarios.class.getClassLoader().getResource("features/MatchAcceptance.feature");
        List<Scenario> scenarios = new ArrayList<>();
        try (FileSystem jar = FileSystems.newFileSystem(marker.toURI(), Map.of());
             Stream<Path> files = Files.list(jar.getPath("/features"))) {
            for (Path file : files.sorted().toList()) {
                read(file.getFileName().toString().replace(".feature", ""), Files.readString(file, StandardCharsets.UTF_8), scenarios);
            }
        }
        return scenarios;
    }

    /** A named graph of the TCK ({@code Given the binary-tree-1 graph}): its CREATE script. */
    static String graphScript(String name) throws IOException {
        try (var in = TckScenarios.class.getClassLoader().getResourceAsStream("graphs/" + name + "/" + name + ".cypher")) {
            if (in == null) {
                throw new IOException("the TCK has no graph " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void read(String feature, String text, List<Scenario> out) {
        String[] lines = text.split("\n", -1);
        List<Step> background = new ArrayList<>();
        List<Step> steps = null;
        String name = null;
        boolean outline = false;
        boolean inBackground = false;
        List<String> header = null;
        List<List<String>> examples = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Background:")) {
                inBackground = true;
                steps = background;
            } else if (line.startsWith("Scenario:") || line.startsWith("Scenario Outline:")) {
                emit(feature, name, background, steps, outline, header, examples, out);
                inBackground = false;
                name = line.substring(line.indexOf(':') + 1).trim();
                outline = line.startsWith("Scenario Outline:");
                steps = new ArrayList<>();
                header = null;
                examples = new ArrayList<>();
            } else if (line.startsWith("Examples:")) {
                header = new ArrayList<>();
            } else if (line.startsWith("\"\"\"") && steps != null) {
                StringBuilder doc = new StringBuilder();
                for (i++; !lines[i].trim().startsWith("\"\"\""); i++) {
                    doc.append(lines[i].trim()).append('\n');
                }
                Step last = steps.remove(steps.size() - 1);
                steps.add(new Step(last.text(), doc.toString().trim(), last.table()));
            } else if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (header != null) {
                    if (header.isEmpty()) {
                        header.addAll(cells);
                    } else {
                        examples.add(cells);
                    }
                } else if (steps != null && !steps.isEmpty()) {
                    steps.get(steps.size() - 1).table().add(cells);
                }
            } else if (steps != null && !line.startsWith("Feature:")) {
                steps.add(new Step(line, null, new ArrayList<>()));
            }
        }
        emit(feature, name, background, steps, outline, header, examples, out);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static void emit(String feature, String name, List<Step> background, List<Step> steps, boolean outline, List<String> header,
                             List<List<String>> examples, List<Scenario> out) {
        if (name == null || steps == null) {
            return;
        }
        List<Step> all = new ArrayList<>(background);
        all.addAll(steps);
        if (!outline) {
            out.add(new Scenario(feature, name, all));
            return;
        }
        for (int e = 0; e < examples.size(); e++) {
            List<String> row = examples.get(e);
            List<Step> expanded = new ArrayList<>();
            for (Step s : all) {
                List<List<String>> table = new ArrayList<>();
                for (List<String> r : s.table()) {
                    table.add(r.stream().map(c -> substitute(c, header, row)).toList());
                }
                expanded.add(new Step(substitute(s.text(), header, row), s.docString() == null ? null : substitute(s.docString(), header, row),
                        table));
            }
            out.add(new Scenario(feature, name + " #" + (e + 1), expanded));
        }
    }

    private static String substitute(String text, List<String> header, List<String> row) {
        for (int c = 0; c < header.size(); c++) {
            text = text.replace("<" + header.get(c) + ">", row.get(c));
        }
        return text;
    }
}
