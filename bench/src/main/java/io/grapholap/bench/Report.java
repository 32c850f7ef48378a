package io.grapholap.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed to the console and the CSV/JSON files written under --out. */
final class Report {

    private Report() {
    }

    static String table(List<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-17s %-9s %-14s %5s %10s %12s %9s %10s %12s %9s  %s%n",
                "engine", "graph", "algorithm", "scale", "|V|", "|E|", "load s", "run s", "edges/s", "peak MiB", "note");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append('\n');
        Map<String, List<String>> skipped = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (RunResult.SKIPPED.equals(r.status())) {
                skipped.computeIfAbsent(r.engine() + " " + r.graph() + ": " + r.note(), k -> new ArrayList<>())
                        .add(r.algorithm() + "@" + r.scale());
                continue;
            }
            String note = r.ok() ? r.note() : r.status() + ": " + r.note();
            if (r.repetitions() > 1) {
                note = "avg of " + r.repetitions() + (note.isEmpty() ? "" : "; " + note);
            }
            sb.append(String.format(Locale.ROOT, "%-17s %-9s %-14s %5d %10d %12s %9s %10s %12s %9s  %s%n",
                    r.engine(), r.graph(), r.algorithm(), r.scale(), r.vertices(), r.arcs() < 0 ? "?" : Long.toString(r.arcs()),
                    seconds(r.loadSeconds()), seconds(r.runSeconds()), rate(r.arcsPerSecond()),
                    r.peakHeapBytes() < 0 ? "-" : Long.toString(r.peakHeapBytes() >> 20), note));
        }
        if (!skipped.isEmpty()) {
            sb.append("\nSkipped:\n");
            skipped.forEach((why, what) -> sb.append("  ").append(why).append(" [").append(String.join(" ", what)).append("]\n"));
        }
        return sb.toString();
    }

    /** Speed-ups of our engines over each peer, per algorithm and scale, where both ran. */
    static String speedups(List<RunResult> results, List<String> ours) {
        StringBuilder sb = new StringBuilder();
        for (RunResult mine : results) {
            if (!ours.contains(mine.engine()) || !mine.ok() || mine.algorithm().equals("load") || mine.algorithm().startsWith("gremlin")
                    || mine.algorithm().startsWith("cypher")) {
                continue;
            }
            for (RunResult peer : results) {
                // our GPU engine is also compared with our CPU engine, the run the product is about
                boolean other = !ours.contains(peer.engine()) || (mine.engine().equals("gpu") && peer.engine().equals("cpu"));
                if (!other || !sameRun(mine, peer)) {
                    continue;
                }
                if (peer.ok()) {
                    double ratio = peer.runSeconds() / mine.runSeconds();
                    sb.append(String.format(Locale.ROOT, "  %-9s %-9s scale %2d: %s is %.1fx %s than %s (%.4f s vs %.4f s)%n",
                            mine.graph(), mine.algorithm(), mine.scale(), mine.engine(), ratio >= 1 ? ratio : 1 / ratio,
                            ratio >= 1 ? "faster" : "SLOWER", peer.engine(), mine.runSeconds(), peer.runSeconds()));
                } else if (RunResult.TIMEOUT.equals(peer.status())) {
                    sb.append(String.format(Locale.ROOT, "  %-9s %-9s scale %2d: %s ran in %.4f s; %s timed out (%s)%n",
                            mine.graph(), mine.algorithm(), mine.scale(), mine.engine(), mine.runSeconds(), peer.engine(), peer.note()));
                }
            }
        }
        return sb.toString();
    }

    /**
     * The GPU engine's result checks against the CPU engine's where both ran (components, vertices
     * reached, triangles, average clustering): {@code same} or {@code DIFFERENT}. Integers must be
     * equal; decimals may differ by 1e-6 relative (the equality tests' tolerance) or one unit in the
     * last printed place.
     */
    static String agreement(List<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        for (RunResult gpu : results) {
            if (!gpu.engine().equals("gpu") || !gpu.ok() || gpu.algorithm().equals("load")) {
                continue;
            }
            for (RunResult cpu : results) {
                if (!cpu.engine().equals("cpu") || !cpu.ok() || !sameRun(gpu, cpu)) {
                    continue;
                }
                Map<String, String> g = checks(gpu.note());
                Map<String, String> c = checks(cpu.note());
                if (c.isEmpty()) {
                    continue;
                }
                boolean same = g.keySet().equals(c.keySet()) && c.keySet().stream().allMatch(k -> agrees(g.get(k), c.get(k)));
                sb.append(String.format(Locale.ROOT, "  %-9s %-14s scale %2d: %s (gpu %s, cpu %s)%n", gpu.graph(), gpu.algorithm(),
                        gpu.scale(), same ? "same" : "DIFFERENT", String.join(" ", pairs(g)), String.join(" ", pairs(c))));
            }
        }
        return sb.toString();
    }

    private static boolean sameRun(RunResult a, RunResult b) {
        return a.algorithm().equals(b.algorithm()) && a.scale() == b.scale() && a.graph().equals(b.graph());
    }

    /** The {@code key=value} checks at the head of a note, before any "; after warm-up" remark. */
    static Map<String, String> checks(String note) {
        Map<String, String> checks = new LinkedHashMap<>();
        if (note == null) {
            return checks;
        }
        String head = note.split(";", 2)[0].trim();
        for (String token : head.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                checks.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return checks;
    }

    private static List<String> pairs(Map<String, String> checks) {
        List<String> pairs = new ArrayList<>();
        checks.forEach((k, v) -> pairs.add(k + "=" + v));
        return pairs;
    }

    private static boolean agrees(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            int decimals = Math.max(decimals(a), decimals(b));
            // one unit in the last printed place, since the notes are rounded
            double tolerance = Math.max(1e-6 * Math.max(Math.abs(x), Math.abs(y)), Math.pow(10, -decimals));
            return decimals > 0 && Math.abs(x - y) <= tolerance * (1 + 1e-9);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    static void writeCsv(Path file, List<RunResult> results) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("engine,graph,algorithm,scale,vertices,arcs,load_seconds,run_seconds,repetitions,arcs_per_second,peak_heap_bytes,status,note");
        for (RunResult r : results) {
            lines.add(String.join(",", r.engine(), r.graph(), r.algorithm(), Integer.toString(r.scale()), Long.toString(r.vertices()),
                    Long.toString(r.arcs()), num(r.loadSeconds()), num(r.runSeconds()), Integer.toString(r.repetitions()),
                    num(r.arcsPerSecond()), Long.toString(r.peakHeapBytes()), r.status(), csv(r.note())));
        }
        Files.write(file, lines);
    }

    static void writeJson(Path file, Map<String, Object> machine, Map<String, Object> command, List<RunResult> results) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine);
        doc.put("command", command);
        doc.put("results", results);
        WorkerMain.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }

    private static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        return s >= 100 ? String.format(Locale.ROOT, "%.1f", s) : String.format(Locale.ROOT, "%.4f", s);
    }

    private static String rate(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "-";
        }
        if (r >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", r / 1e9);
        }
        if (r >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", r / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f", r);
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
