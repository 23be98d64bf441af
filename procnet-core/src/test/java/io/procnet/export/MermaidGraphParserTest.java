package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.Node;
import io.procnet.model.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The text of {@link MermaidGraph} through the real Mermaid parser, in Node.js with jsdom
 * ({@code src/test/mermaid/check.mjs}): it must parse, into exactly the graph's nodes and edges,
 * each label as written. Runs where {@code node} is on the PATH and Mermaid is installed in
 * {@code target/mermaid-check} by the command in {@code check.mjs} (which {@code .ci/run} runs);
 * skipped elsewhere.
 */
@EnabledIf("mermaidIsInstalled")
class MermaidGraphParserTest {
    private static final Path SCRIPT = Path.of("src/test/mermaid/check.mjs");
    private static final Path INSTALLED = Path.of("target/mermaid-check");

    static boolean mermaidIsInstalled() {
        return ExternalTool.onPath("node") != null && Files.isDirectory(INSTALLED.resolve("node_modules/mermaid"))
                && Files.isDirectory(INSTALLED.resolve("node_modules/jsdom"));
    }

    @Test
    void hostileNamesComeThroughMermaidIntact() throws Exception {
        Graph graph = Graphs.hostileNames();
        List<String> parsed = parsed(MermaidGraph.render(graph));

        assertThat(parsed).isEqualTo(expected(graph, Graphs.hostileLabels()));
    }

    @Test
    void aSmallGraphAFoldedOneAndAnEmptyOneParseIntoTheirNodesAndEdges() throws Exception {
        for (Graph graph : List.of(Graphs.small(), Graphs.folded().graph(), Graph.empty())) {
            Map<String, List<String>> labels = new HashMap<>();
            for (Node node : graph.nodes()) {
                labels.put(node.id(), Text.nodeLines(node));
            }

            assertThat(parsed(MermaidGraph.render(graph))).as(graph.toString()).isEqualTo(expected(graph, labels));
        }
    }

    @Test
    void theCheckRejectsBrokenDiagramsAndShowsWhatANameCouldInject() throws Exception {
        String name = Graphs.HOSTILE.get(10L); // a"b]\n--> x {y} <html>
        ExternalTool.Run quoted = check("flowchart LR\n  n0[\"" + name + "\"]\n");
        assertThat(quoted.exit()).as("a raw quote ends the label: %s", quoted.out()).isEqualTo(1);
        assertThat(quoted.err()).contains("Parse error");

        // unquoted, a name can end its node and draw an edge of its own: the check tells that apart
        List<String> injected = parsed("flowchart LR\n  n0[x] --> n1[y]\n");
        assertThat(injected).containsExactly("node n0 square \"x\"", "node n1 square \"y\"",
                "edge n0 n1 normal solid \"\"");
    }

    /**
     * What the check must print for {@code graph}: each node under its generated id, in id order,
     * with its shape and its label's lines; each edge with its ends, stroke and dashes and label.
     */
    private static List<String> expected(Graph graph, Map<String, List<String>> labels) {
        List<String> lines = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : graph.nodes()) {
            String id = "n" + ids.size();
            ids.put(node.id(), id);
            String shape = switch (node.kind()) {
                case PROCESS -> "square";
                case GROUP -> "subroutine";
                case REMOTE -> "stadium";
                case LISTENER -> "hexagon";
            };
            lines.add("node " + id + " " + shape + " " + json(String.join("\n", labels.get(node.id()))));
        }
        for (Edge edge : graph.edges()) {
            lines.add("edge " + ids.get(edge.from()) + " " + ids.get(edge.to()) + " "
                    + (edge.reason().isFact() ? "normal" : "dotted") + " "
                    + (edge.protocol() == Protocol.UDP ? "dashed" : "solid") + " " + json(Text.edgeLabel(edge)));
        }
        return lines;
    }

    /** A label as {@code JSON.stringify} writes it: these hold no control characters but the newlines between lines. */
    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The lines the check prints for {@code text}, which must parse. */
    private static List<String> parsed(String text) throws Exception {
        ExternalTool.Run run = check(text);
        assertThat(run.exit()).as("mermaid parses:%n%s%n%s", text, run.err()).isZero();
        return run.out().lines().toList();
    }

    private static ExternalTool.Run check(String text) throws Exception {
        return ExternalTool.run(List.of(ExternalTool.onPath("node").toString(), SCRIPT.toString(), INSTALLED.toString()),
                text);
    }
}
