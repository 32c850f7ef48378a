package io.grapholap.polyglot;

import static io.grapholap.polyglot.TestGraphs.LIMITS;
import static io.grapholap.polyglot.TestGraphs.PEOPLE;
import static io.grapholap.polyglot.TestGraphs.RUNTIME;
import static io.grapholap.polyglot.TestGraphs.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionFailedException;
import io.grapholap.application.function.Language;
import io.grapholap.domain.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Save-time checks, import discovery, libraries imported in each language's idiom, and user errors with lines. */
class CodeAndLibrariesTest {

    @Test
    void bothLanguagesAreAvailable() {
        assertThat(RUNTIME.languages()).containsExactlyInAnyOrder(Language.JS, Language.PYTHON);
    }

    @Test
    void checkAcceptsATaskOfTheRightArity() {
        RUNTIME.check(Language.JS, "function task(g, args) { return 1; }", EntryPoint.EXECUTE, "execute");
        RUNTIME.check(Language.JS, "const {f} = require('lib');\nconst task = (args) => f(args);", EntryPoint.LOAD_DATA,
                "load_data");
        RUNTIME.check(Language.PYTHON, "import mylib\ndef task(g, args=None):\n    return 1", EntryPoint.EXECUTE, "execute");
        RUNTIME.check(Language.PYTHON, "task = lambda request, user, session: 1", EntryPoint.ENDPOINT, "function");
        // Seed 000's execute takes the graph alone.
        RUNTIME.check(Language.JS, "function task(g) { return 1; }", EntryPoint.EXECUTE, "execute");
        RUNTIME.check(Language.PYTHON, "def task(g):\n    return 1", EntryPoint.EXECUTE, "execute");
    }

    @Test
    void checkNamesTheFieldAndTheLineOfASyntaxError() {
        assertThatThrownBy(() -> RUNTIME.check(Language.JS, "function task(g, args) {\n  return 1 +;\n}",
                EntryPoint.EXECUTE, "execute"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("execute");
                    assertThat(e.getMessage()).startsWith("line 2:");
                    assertThat(e.details()).containsEntry("line", 2);
                });
        assertThatThrownBy(() -> RUNTIME.check(Language.PYTHON, "def task(g, args):\n    x = 1\n    return )",
                EntryPoint.EXECUTE, "execute"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("execute");
                    assertThat(e.getMessage()).startsWith("line 3:");
                });
    }

    @Test
    void checkRefusesAMissingTaskOrTheWrongArity() {
        assertThatThrownBy(() -> RUNTIME.check(Language.JS, "function run(g, args) {}", EntryPoint.EXECUTE, "execute"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("task(g, args)");
        assertThatThrownBy(() -> RUNTIME.check(Language.JS, "function task() {}", EntryPoint.EXECUTE, "execute"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must take 2 arguments");
        assertThatThrownBy(() -> RUNTIME.check(Language.PYTHON, "def task(g, args, extra):\n    pass", EntryPoint.EXECUTE, "execute"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must take 2 arguments");
        assertThatThrownBy(() -> RUNTIME.check(Language.JS, "function task(request) {}", EntryPoint.ENDPOINT, "function"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must take 3 arguments");
        assertThatThrownBy(() -> RUNTIME.check(Language.PYTHON, "def run(args):\n    pass", EntryPoint.LOAD_DATA, "load_data"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("task(args)");
        assertThatThrownBy(() -> RUNTIME.check(Language.PYTHON, "x = 1\ndef task(g, args):\n    pass", EntryPoint.LOAD_DATA,
                "load_data"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("load_data");
                    assertThat(e.getMessage()).isEqualTo("line 2: task must take 1 argument (args)");
                });
    }

    @Test
    void importsListTheLibrariesInEachIdiom() {
        assertThat(RUNTIME.imports(Language.JS, """
                import {twice} from 'eslib';
                import * as all from "stats";
                import helper, {other as o} from 'helpers';
                // require('commented')
                const m = require('mathlib');
                function task(g, args) { return twice(1); }
                """)).containsExactlyInAnyOrder("eslib", "stats", "helpers", "mathlib");
        assertThat(RUNTIME.imports(Language.PYTHON, """
                import json, mathlib
                from stats.deep import mean
                import os.path
                def task(g, args):
                    import helpers
                    return 1
                """)).containsExactlyInAnyOrder("mathlib", "stats", "helpers");
    }

    @Test
    void javascriptImportsLibrariesWithRequireAndImport() {
        Map<String, String> libraries = Map.of(
                "mathlib", "module.exports = { square: function (x) { return x * x; } };",
                "eslib", "export function twice(x) { return 2 * x; }\nexport const ONE = 1;\nexport default 'hello';");
        Object out = RUNTIME.run(invocation(Language.JS, """
                import greeting, {twice, ONE as one} from 'eslib';
                const mathlib = require('mathlib');
                function task(g, args) {
                  return [mathlib.square(args.x), twice(args.x), one, greeting];
                }
                """, EntryPoint.EXECUTE, List.of(PEOPLE, Map.of("x", 3)), libraries, LIMITS));
        assertThat(out).isEqualTo(List.of(9, 6, 1, "hello"));
    }

    @Test
    void pythonImportsLibrariesWithImportAndFromImport() {
        Map<String, String> libraries = Map.of(
                "mathlib", "def square(x):\n    return x * x\n",
                "helpers", "from mathlib import square\ndef fourth(x):\n    return square(square(x))\n");
        Object out = RUNTIME.run(invocation(Language.PYTHON, """
                import mathlib
                from helpers import fourth
                def task(g, args):
                    return [mathlib.square(args['x']), fourth(args['x'])]
                """, EntryPoint.EXECUTE, List.of(PEOPLE, Map.of("x", 2)), libraries, LIMITS));
        assertThat(out).isEqualTo(List.of(4, 16));
    }

    @Test
    void userErrorsComeBackWithMessageAndLine() {
        assertThatThrownBy(() -> TestGraphs.execute(Language.JS, """
                function task(g, args) {
                  const x = 1;
                  return x.nothing.deeper;
                }
                """, Map.of()))
                .isInstanceOfSatisfying(FunctionFailedException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("TypeError");
                });
        assertThatThrownBy(() -> TestGraphs.execute(Language.JS, "function task(g, args) {\n  return g.pagerank({damping: 2});\n}",
                Map.of()))
                .isInstanceOfSatisfying(FunctionFailedException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("damping");
                });
        assertThatThrownBy(() -> TestGraphs.execute(Language.PYTHON, """
                def helper(d):
                    return d['missing']

                def task(g, args):
                    return helper(args)
                """, Map.of()))
                .isInstanceOfSatisfying(FunctionFailedException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("KeyError");
                    assertThat(e.details()).containsEntry("error_type", "KeyError");
                });
    }

    @Test
    void codeWithoutTaskFailsClearly() {
        assertThatThrownBy(() -> TestGraphs.execute(Language.JS, "const x = 1;", Map.of()))
                .isInstanceOf(FunctionFailedException.class).hasMessageContaining("no function task(g, args)");
    }
}
