package io.procnet.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.Graph;
import io.procnet.graph.Node;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DOT of {@link DotGraph} through the real Graphviz: {@code dot -Tsvg} must take it without a
 * word on stderr, and the SVG must hold every node, under its id, with its label's lines as
 * written, so that no name split a label or escaped from it. Runs where {@code dot} is on the PATH
 * (Debian's {@code graphviz}, which {@code .ci/run} installs); skipped elsewhere.
 */
@EnabledIf("dotIsInstalled")
class DotGraphGraphvizTest {

    static boolean dotIsInstalled() {
        return ExternalTool.onPath("dot") != null;
    }

    @Test
    void hostileNamesComeThroughGraphvizIntact() throws Exception {
        Map<String, List<String>> drawn = nodeTexts(svgOf(DotGraph.render(Graphs.hostileNames())));

        assertThat(drawn).isEqualTo(Graphs.hostileLabels());
    }

    @Test
    void aSmallGraphAFoldedOneAndAnEmptyOneDrawEveryNodeAndEdge() throws Exception {
        for (Graph graph : List.of(Graphs.small(), Graphs.folded().graph(), Graph.empty())) {
            Document svg = svgOf(DotGraph.render(graph));

            assertThat(nodeTexts(svg).keySet()).as(graph.toString())
                    .containsExactlyInAnyOrderElementsOf(graph.nodes().stream().map(Node::id).toList());
            assertThat(groups(svg, "edge")).as(graph.toString()).hasSize(graph.edges().size());
        }
    }

    @Test
    void theCheckRejectsWhatGraphvizCannotRead() throws Exception {
        // the name \ quoted without doubling it: it escapes the closing quote
        ExternalTool.Run run = dot("digraph procnet {\n  \"proc:11\" [label=\"\\\", shape=box];\n}\n");

        assertThat(run.exit() != 0 || !run.err().isEmpty()).as("dot complains: %s", run.err()).isTrue();
    }

    private static ExternalTool.Run dot(String text) throws Exception {
        return ExternalTool.run(List.of(ExternalTool.onPath("dot").toString(), "-Tsvg"), text);
    }

    /** Runs {@code dot -Tsvg} on {@code text}: exit 0 and nothing on stderr, else the test fails with what dot said. */
    private static Document svgOf(String text) throws Exception {
        ExternalTool.Run run = dot(text);
        assertThat(run.err()).as("dot's stderr for:%n%s", text).isEmpty();
        assertThat(run.exit()).as("dot's exit status").isZero();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // dot's SVG names the SVG 1.1 DTD: it is not fetched
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    }

    /** The lines of text of each node group of the SVG, by its title (the node's id). */
    private static Map<String, List<String>> nodeTexts(Document svg) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (Element group : groups(svg, "node")) {
            String title = group.getElementsByTagName("title").item(0).getTextContent();
            List<String> lines = new ArrayList<>();
            NodeList text = group.getElementsByTagName("text");
            for (int i = 0; i < text.getLength(); i++) {
                // Graphviz writes a run of spaces as space and no-break space
                lines.add(text.item(i).getTextContent().replace('\u00a0', ' '));
            }
            texts.put(title, lines);
        }
        return texts;
    }

    private static List<Element> groups(Document svg, String kind) {
        List<Element> groups = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) {
            Element group = (Element) all.item(i);
            if (group.getAttribute("class").equals(kind)) {
                groups.add(group);
            }
        }
        return groups;
    }
}
