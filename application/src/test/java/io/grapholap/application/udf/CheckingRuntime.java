package io.grapholap.application.udf;

import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.domain.error.ValidationException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime for the definition use cases: {@code check} accepts code whose first line declares
 * {@code task} with the entry point's arity written as {@code task/N} (so tests can write both right
 * and wrong code) and reports the line of the first {@code SYNTAX ERROR}; {@code imports} reads
 * {@code import name} lines. It cannot run code.
 */
final class CheckingRuntime implements FunctionRuntime {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (\\w+)");

    @Override
    public Set<Language> languages() {
        return Set.of(Language.JS, Language.PYTHON);
    }

    @Override
    public void check(Language language, String code, EntryPoint entry, String field) {
        String[] lines = code.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("SYNTAX ERROR")) {
                throw new ValidationException(field, field + ": syntax error at line " + (i + 1));
            }
        }
        if (!code.contains("task/" + entry.arity())) {
            throw new ValidationException(field, field + " must define task with " + entry.arity() + " arguments");
        }
    }

    @Override
    public Set<String> imports(Language language, String code) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public Object run(Invocation invocation) {
        throw new UnsupportedOperationException("the checking runtime cannot run code");
    }
}
