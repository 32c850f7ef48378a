package io.grapholap.polyglot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source rewrites behind JavaScript library imports keep statements on their lines. */
class JsModulesTest {

    @Test
    void importStatementsBecomeRequireCallsOnTheSameLines() {
        String code = "import a from 'x';\nimport {b, c as d} from \"y\"\nimport * as e from 'z';\nimport 'w';\n"
                + "import f, {\n  g\n} from 'v';\nfunction task(g, args) {}\n";
        String out = JsModules.rewriteImports(code);
        assertThat(out).isEqualTo("const a = __grapholap_import_default(require('x'));\n"
                + "const {b, c: d} = require('y');\n"
                + "const e = require('z');\n"
                + "require('w');\n"
                + "const f = __grapholap_import_default(require('v')); const {g} = require('v');\n\n\n"
                + "function task(g, args) {}\n");
        assertThat(out.lines().count()).isEqualTo(code.lines().count());
    }

    @Test
    void esExportsBecomeCommonJsExports() {
        String lib = "export function f(x) { return x; }\nexport const K = 1;\nexport default 'd';\nconst h = 2;\n"
                + "export { h as alias };\n";
        assertThat(JsModules.toCommonJs(lib)).isEqualTo("function f(x) { return x; }\nconst K = 1;\n"
                + "exports.default = 'd';\nconst h = 2;\n\n\nexports.f = f;\nexports.K = K;\nexports.alias = h;");
    }

    @Test
    void aLibraryWithoutExportsExportsItsTopLevelFunctions() {
        String seedStyle = "function add(a, b) {\n  function inner() { return 0; }\n  return a + b + inner();\n}\n"
                + "async function later() { return 1; }\n// function commented(x) {}\nconst notAFunction = 3;\n";
        assertThat(JsModules.toCommonJs(seedStyle)).isEqualTo(seedStyle + "\nexports.add = add;\nexports.later = later;");
        String commonJs = "function helper() {}\nmodule.exports = {run: helper};\n";
        assertThat(JsModules.toCommonJs(commonJs)).isEqualTo(commonJs);
        String es = "function helper() {}\nexport function run() { return helper(); }\n";
        assertThat(JsModules.toCommonJs(es)).isEqualTo("function helper() {}\nfunction run() { return helper(); }\n\nexports.run = run;");
    }

    @Test
    void importsIgnoreComments() {
        assertThat(JsModules.imports("// require('a')\n/* import b from 'b' */\nconst c = require('c');"))
                .containsExactly("c");
    }
}
