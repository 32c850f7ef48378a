package io.grapholap.polyglot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript library imports without a file system: {@code import … from 'name'} statements are
 * rewritten into {@code require('name')} calls of the sandbox's own loader, and ES {@code export}
 * statements of a library into CommonJS {@code exports} (a library without exports exports its
 * top-level functions). Rewrites keep every statement on its
 * line, so error lines still point at the user's code.
 */
final class JsModules {

    private static final String NAME = "['\"]([^'\"\\n]+)['\"]";
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(\\s*" + NAME + "\\s*\\)");
    /** {@code import <clause> from 'name'} or {@code import 'name'}, at the start of a line. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^([ \\t]*)import\\s+(?:([\\w$*{][^;'\"]*?)\\s+from\\s+)?" + NAME + "[ \\t]*;?");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|(?m)//[^\\n]*$");
    private static final Pattern EXPORT_DECLARATION = Pattern.compile(
            "(?m)^([ \\t]*)export\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+|const\\s+|let\\s+|var\\s+)([\\w$]+)");
    private static final Pattern EXPORT_DEFAULT = Pattern.compile("(?m)^([ \\t]*)export\\s+default\\s+");
    private static final Pattern EXPORT_LIST = Pattern.compile("(?m)^([ \\t]*)export\\s*\\{([^}]*)}[ \\t]*;?");
    /** A function declared at the start of a line: a top-level one in a library written the seed-003 way. */
    private static final Pattern TOP_LEVEL_FUNCTION = Pattern.compile("(?m)^(?:async\\s+)?function\\s*\\*?\\s*([\\w$]+)\\s*\\(");
    private static final Pattern ANY_EXPORT = Pattern.compile("(?m)^[ \\t]*export\\b|\\b(?:module\\.)?exports\\b");

    private JsModules() {
    }

    /** Names of the libraries {@code code} requires or imports (comments ignored). */
    static Set<String> imports(String code) {
        String text = COMMENTS.matcher(code).replaceAll(m -> newlines(m.group()));
        Set<String> names = new LinkedHashSet<>();
        Matcher r = REQUIRE.matcher(text);
        while (r.find()) {
            names.add(r.group(1));
        }
        Matcher i = IMPORT.matcher(text);
        while (i.find()) {
            names.add(i.group(3));
        }
        return names;
    }

    /** {@code code} with its ES import statements turned into {@code require} calls. */
    static String rewriteImports(String code) {
        return IMPORT.matcher(code).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + requireFor(m.group(2), m.group(3)) + newlines(m.group())));
    }

    private static String requireFor(String clause, String name) {
        String req = "require(" + quote(name) + ")";
        if (clause == null) {
            return req + ";";
        }
        String c = clause.replace('\n', ' ').trim();
        List<String> parts = new ArrayList<>();
        String named = null;
        int brace = c.indexOf('{');
        if (brace >= 0) {
            named = c.substring(brace + 1, c.lastIndexOf('}')).trim();
            c = c.substring(0, brace).trim();
            if (c.endsWith(",")) {
                c = c.substring(0, c.length() - 1).trim();
            }
        }
        for (String piece : c.isEmpty() ? new String[0] : c.split(",")) {
            String p = piece.trim();
            if (p.startsWith("*")) {
                parts.add("const " + p.substring(p.indexOf("as") + 2).trim() + " = " + req + ";");
            } else if (!p.isEmpty()) {
                parts.add("const " + p + " = __grapholap_import_default(" + req + ");");
            }
        }
        if (named != null) {
            parts.add("const {" + named.replaceAll("\\s+as\\s+", ": ") + "} = " + req + ";");
        }
        return String.join(" ", parts);
    }

    /**
     * A library's source with ES exports turned into CommonJS exports, for the sandbox's loader. A
     * library that exports nothing at all (neither ES nor CommonJS), written the way of seed 003
     * (plain {@code function add(a, b) {…}} declarations), exports its top-level functions.
     */
    static String toCommonJs(String source) {
        List<String> tail = new ArrayList<>();
        String code = COMMENTS.matcher(source).replaceAll(m -> newlines(m.group()));
        if (!ANY_EXPORT.matcher(code).find()) {
            Matcher f = TOP_LEVEL_FUNCTION.matcher(code);
            while (f.find()) {
                tail.add("exports." + f.group(1) + " = " + f.group(1) + ";");
            }
            return tail.isEmpty() ? source : source + "\n" + String.join("\n", tail);
        }
        String s = EXPORT_DECLARATION.matcher(source).replaceAll(m -> {
            tail.add("exports." + m.group(3) + " = " + m.group(3) + ";");
            return Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3));
        });
        s = EXPORT_DEFAULT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "exports.default = "));
        s = EXPORT_LIST.matcher(s).replaceAll(m -> {
            for (String item : m.group(2).split(",")) {
                String[] names = item.trim().split("\\s+as\\s+");
                if (!names[0].isBlank()) {
                    String exported = names.length > 1 ? names[1].trim() : names[0].trim();
                    tail.add("exports." + exported + " = " + names[0].trim() + ";");
                }
            }
            return Matcher.quoteReplacement(m.group(1) + newlines(m.group()));
        });
        return tail.isEmpty() ? s : s + "\n" + String.join("\n", tail);
    }

    private static String quote(String name) {
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String newlines(String s) {
        return "\n".repeat((int) s.chars().filter(ch -> ch == '\n').count());
    }
}
