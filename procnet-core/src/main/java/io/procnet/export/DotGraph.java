package io.procnet.export;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.Node;
import io.procnet.model.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Graph} as Graphviz DOT, for {@code dot -Tsvg}:
 *
 * <pre>{@code
 * digraph procnet {
 *   rankdir=LR;
 *   "ext:10.0.0.1" [label="10.0.0.1", shape=ellipse];
 *   "proc:10" [label="psql\npid 10", shape=box];
 *   "proc:20" [label="postgres\npid 20", shape=box];
 *   "proc:10" -> "proc:20" [label="tcp/5432 ×3"];
 *   "proc:10" -> "ext:10.0.0.1" [label="udp/53", style=dashed, color=gray50, fontcolor=gray50];
 * }
 * }</pre>
 *
 * Pure and thread-safe.
 */
public final class DotGraph {
    private DotGraph() {
    }

    /**
     * The DOT text of {@code graph}: each node, in id order, by its id, with its label (a process's
     * label and pid, a group's label and number of members, a remote's or listener's label) and a
     * shape by kind (process {@code box}, group {@code box3d}, remote {@code ellipse}, listener
     * {@code diamond}); then each edge with its protocol, server port and number of connections
     * ({@code tcp/5432 ×3}), dashed for UDP and grey where a heuristic, not a fact, decided its
     * direction ({@link io.procnet.graph.DirectionReason#isFact()}).
     *
     * <p>Ids and labels are quoted: a backslash and a double quote are escaped, {@code &} is written
     * {@code &amp;} (Graphviz reads entities in labels), and characters that would break the line
     * are written as visible escapes ({@code \n} shown as such), so that a label shows the process's
     * name exactly, on one line, whatever it holds.
     */
    public static String render(Graph graph) {
        Objects.requireNonNull(graph, "graph");
        StringBuilder out = new StringBuilder(64 + 80 * (graph.nodes().size() + graph.edges().size()));
        out.append("digraph procnet {\n  rankdir=LR;\n");
        for (Node node : graph.nodes()) {
            out.append("  ").append(id(node.id())).append(" [label=").append(label(Text.nodeLines(node)))
                    .append(", shape=").append(shape(node)).append("];\n");
        }
        for (Edge edge : graph.edges()) {
            out.append("  ").append(id(edge.from())).append(" -> ").append(id(edge.to()))
                    .append(" [label=").append(label(List.of(Text.edgeLabel(edge))));
            if (edge.protocol() == Protocol.UDP) {
                out.append(", style=dashed");
            }
            if (!edge.reason().isFact()) {
                out.append(", color=gray50, fontcolor=gray50");
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String shape(Node node) {
        return switch (node.kind()) {
            case PROCESS -> "box";
            case GROUP -> "box3d";
            case REMOTE -> "ellipse";
            case LISTENER -> "diamond";
        };
    }

    /**
     * A node id as a DOT string. The scanner reads {@code \\} and {@code \"} as pairs, so doubling
     * every backslash keeps a quote, or the string's end, from being escaped by one (a node named
     * {@code \}); the id stays the same in every statement, which is all an id needs.
     */
    private static String id(String id) {
        return "\"" + escape(Text.visible(id), false) + "\"";
    }

    /** Lines of a label, each escaped, joined by DOT's centred line break. */
    private static String label(List<String> lines) {
        StringBuilder out = new StringBuilder().append('"');
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? "" : "\\n").append(escape(lines.get(i), true));
        }
        return out.append('"').toString();
    }

    /**
     * Escapes for a quoted string: a backslash and a double quote, and in a label {@code &}, which
     * Graphviz would read as the start of an entity. Label escapes ({@code \N}, {@code \l}) need
     * no more: a doubled backslash is one backslash in a label.
     */
    private static String escape(String text, boolean label) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '&' -> out.append(label ? "&amp;" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
