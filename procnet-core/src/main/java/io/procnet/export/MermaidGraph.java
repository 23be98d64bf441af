package io.procnet.export;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.Node;
import io.procnet.model.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link Graph} as a Mermaid flowchart, for Markdown that renders Mermaid:
 *
 * <pre>{@code
 * flowchart LR
 *   n0(["10.0.0.1"])
 *   n1["psql<br/>pid 10"]
 *   n2["postgres<br/>pid 20"]
 *   n1 -->|"tcp/5432 ×3"| n2
 *   n1 -.->|"udp/53"| n0
 *   linkStyle 1 stroke-dasharray:6 4
 * }</pre>
 *
 * Pure and thread-safe.
 */
public final class MermaidGraph {
    private MermaidGraph() {
    }

    /**
     * The Mermaid text of {@code graph}: each node, in id order, under a generated id ({@code n0},
     * {@code n1}, ...: node ids hold characters that Mermaid ids cannot), with its label (a
     * process's label and pid, a group's label and number of members, a remote's or listener's
     * label, lines joined by {@code <br/>}) in a shape by kind (process {@code ["..."]}, group
     * {@code [["..."]]}, remote {@code (["..."])}, listener {@code {{"..."}}}); then each edge with
     * its protocol, server port and number of connections ({@code tcp/5432 ×3}), dotted
     * ({@code -.->}) where a heuristic, not a fact, decided its direction
     * ({@link io.procnet.graph.DirectionReason#isFact()}), and UDP edges dashed by a
     * {@code linkStyle}.
     *
     * <p>Labels are quoted, with {@code "} written {@code #quot;} and every other character that
     * Mermaid or the HTML it makes could read ({@code < > # & [ ] { } | ` % \ :}) as an entity
     * code ({@code #60;}), and characters that would break the line as visible escapes, so that a
     * label shows the process's name exactly and nothing in it can end the label, start an edge
     * ({@code -->}), a comment or a directive ({@code %%}). The colon is among them because
     * Mermaid, before it parses, cuts the last {@code ;} from a line with {@code style}, a colon
     * and a {@code #}, which would break an entity code.
     */
    public static String render(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        StringBuilder out = new StringBuilder(32 + 60 * (graph.nodes().size() + graph.edges().size()));
        out.append("flowchart LR\n");
        Map<String, String> ids = new HashMap<>(graph.nodes().size() * 4 / 3 + 1);
        for (Node node : graph.nodes()) {
            String id = "n" + ids.size();
            ids.put(node.id(), id);
            String label = quoted(String.join("<br/>", Text.nodeLines(node).stream().map(MermaidGraph::escape)
                    .collect(Collectors.toList())));
            String shaped = switch (node.kind()) {
                case PROCESS -> "[" + label + "]";
                case GROUP -> "[[" + label + "]]";
                case REMOTE -> "([" + label + "])";
                case LISTENER -> "{{" + label + "}}";
            };
            out.append("  ").append(id).append(shaped).append('\n');
        }
        List<Integer> udp = new ArrayList<>();
        int index = 0;
        for (Edge edge : graph.edges()) {
            out.append("  ").append(ids.get(edge.from())).append(edge.reason().isFact() ? " -->|" : " -.->|")
                    .append(quoted(escape(Text.edgeLabel(edge)))).append("| ").append(ids.get(edge.to())).append('\n');
            if (edge.protocol() == Protocol.UDP) {
                udp.add(index);
            }
            index++;
        }
        if (!udp.isEmpty()) {
            out.append("  linkStyle ").append(udp.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(" stroke-dasharray:6 4\n");
        }
        return out.toString();
    }

    private static String quoted(String escaped) {
        return "\"" + escaped + "\"";
    }

    /** Entity codes for what Mermaid, or the HTML it makes of a label, could read; the text made {@link Text#visible} first. */
    private static String escape(String text) {
        String shown = Text.visible(text);
        StringBuilder out = new StringBuilder(shown.length() + 8);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<', '>', '#', '&', '[', ']', '{', '}', '|', '`', '%', '\\', ':' -> out.append('#').append((int) c)
                        .append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
