package io.grapholap.cypher;

import java.io.IOException;
import java.io.InputStream;
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
 * The queries of the openCypher TCK's feature files (org.opencypher:tck, on the test class path): each
 * query or set-up text with its feature, scenario and the compile-time error the scenario expects
 * (null when none). Scenario outlines are expanded with their examples. Enough of Gherkin for the
 * TCK's regular layout; the TCK runner proper will use a Gherkin parser.
 */
record TckQueries(String feature, String scenario, String step, String query, String compileError) {

    static List<TckQueries> all() throws IOException, URISyntaxException {
        URL marker = TckQueries.class.getClassLoader().getResource("features/MatchAcceptance.feature");
        if (marker == null) {
            throw new IllegalStateException("the openCypher TCK is not on the test class path");
        }
        List<TckQueries> queries = new ArrayList<>();
        try (FileSystem jar = FileSystems.newFileSystem(marker.toURI(), Map.of());
             Stream<Path> files = Files.list(jar.getPath("/features"))) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    read(file.getFileName().toString().replace(".feature", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8), queries);
                }
            }
        }
        return queries;
    }

    private static void read(String feature, String text, List<TckQueries> out) {
        String[] lines = text.split("\n", -1);
        String scenario = null;
        List<String[]> pending = new ArrayList<>();
        String error = null;
        List<String> exampleHeader = null;
        List<List<String>> examples = new ArrayList<>();
        boolean outline = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("Scenario:") || line.startsWith("Scenario Outline:") || line.startsWith("Feature:")) {
                flush(feature, scenario, pending, error, outline, exampleHeader, examples, out);
                scenario = line.substring(line.indexOf(':') + 1).trim();
                outline = line.startsWith("Scenario Outline:");
                pending = new ArrayList<>();
                error = null;
                exampleHeader = null;
                examples = new ArrayList<>();
            } else if (line.equals("\"\"\"")) {
                String step = lines[i - 1].trim();
                StringBuilder query = new StringBuilder();
                for (i++; !lines[i].trim().equals("\"\"\""); i++) {
                    query.append(lines[i].trim()).append('\n');
                }
                pending.add(new String[] {step, query.toString().trim()});
            } else if (line.contains("should be raised at compile time:")) {
                error = line.substring(line.lastIndexOf(':') + 1).trim();
            } else if (line.startsWith("Examples:")) {
                exampleHeader = List.of();
            } else if (exampleHeader != null && line.startsWith("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(cell.trim());
                }
                if (exampleHeader.isEmpty()) {
                    exampleHeader = cells;
                } else {
                    examples.add(cells);
                }
            }
        }
        flush(feature, scenario, pending, error, outline, exampleHeader, examples, out);
    }

    private static void flush(String feature, String scenario, List<String[]> pending, String error, boolean outline,
                              List<String> header, List<List<String>> examples, List<TckQueries> out) {
        if (scenario == null) {
            return;
        }
        for (String[] p : pending) {
            boolean isQuery = p[0].contains("executing query");
            String expected = isQuery ? error : null;
            if (outline && header != null) {
                for (List<String> row : examples) {
                    String q = p[1];
                    for (int c = 0; c < header.size(); c++) {
                        q = q.replace("<" + header.get(c) + ">", row.get(c));
                    }
                    out.add(new TckQueries(feature, scenario + " " + row, p[0], q, expected));
                }
            } else {
                out.add(new TckQueries(feature, scenario, p[0], p[1], expected));
            }
        }
    }
}
