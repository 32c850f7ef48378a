package io.grapholap.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, run as a user pastes it: every {@code bash} block the README marks with
 * {@code <!-- walkthrough -->} on the line before it, in order, in one bash process (variables
 * carry from block to block) in the repository root, against a fresh server started with the
 * README's admin password on both metadata databases. {@code curl} answers with an HTTP error fail
 * the run ({@code --fail-with-body}), and so does any failing command ({@code set -euo pipefail}). A
 * block marked {@code <!-- walkthrough: expect CODE -->} shows an error on purpose: it must answer
 * an error with that code.
 */
abstract class ReadmeWalkthroughTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!-- walkthrough(?:: expect ([A-Z_]+))? -->");
    /** Blocks the walkthrough has today; fewer means markers were lost. */
    private static final int AT_LEAST_BLOCKS = 7;

    abstract MetadataDatabase database();

    record Block(int line, String code, String expectedError) {
    }

    /** The marked blocks of {@code markdown}; a marker not followed by a {@code bash} fence is an error. */
    static List<Block> blocks(List<String> markdown) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < markdown.size(); i++) {
            Matcher marker = MARKER.matcher(markdown.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= markdown.size() || !markdown.get(i + 1).strip().equals("```bash")) {
                throw new AssertionError("README.md line " + (i + 1) + ": a walkthrough marker must be followed by a ```bash block");
            }
            StringBuilder code = new StringBuilder();
            int j = i + 2;
            while (j < markdown.size() && !markdown.get(j).strip().equals("```")) {
                code.append(markdown.get(j)).append('\n');
                j++;
            }
            if (j == markdown.size()) {
                throw new AssertionError("README.md line " + (i + 2) + ": the walkthrough block is not closed");
            }
            blocks.add(new Block(i + 2, code.toString(), marker.group(1)));
            i = j;
        }
        return blocks;
    }

    /** One bash script of all blocks, each announced on stderr with its README line. */
    static String script(List<Block> blocks) {
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                # Every HTTP error answer fails the run; a newline after each answer keeps the log readable.
                curl() { local rc=0; command curl --fail-with-body "$@" || rc=$?; echo; return $rc; }
                """);
        for (Block block : blocks) {
            script.append("echo '---- README.md line ").append(block.line()).append("' >&2\n");
            if (block.expectedError() == null) {
                script.append(block.code());
            } else {
                script.append("walkthrough_out=$( {\n").append(block.code()).append("} 2>&1 ) && { echo \"README.md line ")
                        .append(block.line()).append(": expected an error answer, got: $walkthrough_out\" >&2; exit 1; }\n")
                        .append("printf '%s\\n' \"$walkthrough_out\"\n")
                        .append("grep -q '\"code\":\"").append(block.expectedError()).append("\"' <<<\"$walkthrough_out\" || { echo \"README.md line ")
                        .append(block.line()).append(": the error is not ").append(block.expectedError()).append("\" >&2; exit 1; }\n");
            }
        }
        return script.toString();
    }

    @Test
    void theWalkthroughRunsAsPasted() throws Exception {
        List<Block> blocks = blocks(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(blocks).as("walkthrough blocks marked in README.md").hasSizeGreaterThanOrEqualTo(AT_LEAST_BLOCKS);
        assertThat(blocks.getFirst().code()).contains("BASE=http://localhost:${GRAPHOLAP_PORT:-8080}");

        Path log = Files.createTempFile("readme-walkthrough-", ".log");
        try (RunningServer server = RunningServer.start(database(), Map.of("GRAPHOLAP_ADMIN_PASSWORD", "change-me"), Map.of())) {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", script(blocks))
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            bash.environment().put("GRAPHOLAP_PORT", Integer.toString(server.http().base().getPort()));
            Process process = bash.start();
            boolean ended = process.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = tail(log, 60);
            System.out.println("[it-tests] README walkthrough (" + blocks.size() + " blocks), last lines:\n" + output);
            assertThat(ended).as("the walkthrough ended within 5 minutes; last lines:\n" + output).isTrue();
            assertThat(process.exitValue()).as("exit status of the walkthrough; last lines:\n" + output).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static final class OnH2 extends ReadmeWalkthroughTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends ReadmeWalkthroughTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
