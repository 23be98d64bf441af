package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * {@code snapshot --format dot} and {@code mermaid} of this machine while a process with a hostile
 * name runs, read by the real parsers: Graphviz's {@code dot} (Debian's graphviz) and Mermaid in
 * Node.js (installed by the command in {@code procnet-core/src/test/mermaid/check.mjs}; both are
 * installed by {@code .ci/run}). The name must come through as the one label it is.
 */
@EnabledOnOs(OS.LINUX)
class HostileExportIT {
    private static final Path CORE = Path.of(System.getProperty("procnet.repository", "..")).resolve("procnet-core");
    private static final Path MERMAID_CHECK = CORE.resolve("src/test/mermaid/check.mjs").toAbsolutePath();
    private static final Path MERMAID = CORE.resolve("target/mermaid-check").toAbsolutePath();

    @TempDir
    static Path dir;
    private static HostileProcess hostile;

    @BeforeAll
    static void start() throws IOException {
        hostile = HostileProcess.start(dir);
    }

    @AfterAll
    static void stop() {
        hostile.close();
    }

    static boolean dotInstalled() {
        return onPath("dot");
    }

    static boolean mermaidInstalled() {
        return onPath("node") && Files.isDirectory(MERMAID.resolve("node_modules/mermaid"));
    }

    @Test
    @EnabledIf("dotInstalled")
    void dotParsesAndKeepsTheNameAsOneLabel() throws Exception {
        String dot = snapshot("dot");
        Run svg = run(List.of("dot", "-Tsvg"), dot);
        assertThat(svg.exitCode()).as(svg.err()).isZero();
        assertThat(svg.err()).as("Graphviz warnings").isEmpty();
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        NodeList texts = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.out().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertThat(labels).contains(HostileProcess.NAME, "pid " + hostile.pid());
    }

    @Test
    @EnabledIf("mermaidInstalled")
    void mermaidParsesAndKeepsTheNameAsOneLabel() throws Exception {
        String mermaid = snapshot("mermaid");
        Run parsed = run(List.of("node", MERMAID_CHECK.toString(), MERMAID.toString()), mermaid);
        assertThat(parsed.exitCode()).as(parsed.err() + "\n" + mermaid).isZero();
        String label = "\"" + HostileProcess.NAME.replace("\\", "\\\\").replace("\"", "\\\"") + "\\npid "
                + hostile.pid() + "\"";
        assertThat(parsed.out().lines()).anyMatch(line -> line.startsWith("node ") && line.endsWith(" " + label));
        assertThat(parsed.out().lines().filter(line -> line.startsWith("edge ")))
                .as("no edge made of the name's arrow").noneMatch(line -> line.contains("-->") && !line.contains("\""));
    }

    private static String snapshot(String format) throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("snapshot", "--format", format);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("pid " + hostile.pid());
        return result.out();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = ProcnetJar.drain(process.getInputStream());
        CompletableFuture<String> err = ProcnetJar.drain(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 2 minutes");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static boolean onPath(String tool) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }
}
