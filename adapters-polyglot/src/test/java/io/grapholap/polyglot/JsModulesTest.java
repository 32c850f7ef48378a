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
    void importsIgnoreComments() {
        assertThat(JsModules.imports("// require('a')\n/* import b from 'b' */\nconst c = require('c');"))
                .containsExactly("c");
    }
}
