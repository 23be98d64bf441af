package io.procnet.server.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/api.md is written from the wire records: its examples parse into them and it names every field. */
class ApiDocTest {
    private static final Path DOC = Path.of("..", "docs", "api.md");
    private static final Pattern EXAMPLE = Pattern.compile("```json (\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final List<Class<? extends Record>> RECORDS = List.of(WireGraph.class, WireHost.class,
            WireNode.Process.class, WireNode.Remote.class, WireNode.Listener.class, WireNode.Group.class,
            WireProcess.class, WireEndpoint.class, WireEdge.class, WireTraffic.class, WireIssue.class, WireDelta.class,
            WireProcessDetails.class, WireSocket.class, WireSocketTraffic.class, WireHealth.class, WireError.class,
            WireManifest.class);

    @Test
    void everyExampleParsesIntoItsRecord() throws IOException {
        Map<String, String> examples = examples();
        assertThat(examples).containsOnlyKeys("graph", "delta", "process", "health", "manifest");

        WireGraph graph = Json.read(examples.get("graph"), WireGraph.class);
        assertThat(graph.nodes()).extracting(WireNode::id).isSorted();
        assertThat(graph.edges()).extracting(WireEdge::id).isSorted();
        Set<String> ids = graph.nodes().stream().map(WireNode::id).collect(Collectors.toSet());
        assertThat(graph.edges()).allSatisfy(edge -> assertThat(ids).contains(edge.from(), edge.to()));
        assertThat(graph.nodes()).hasAtLeastOneElementOfType(WireNode.Process.class)
                .hasAtLeastOneElementOfType(WireNode.Remote.class).hasAtLeastOneElementOfType(WireNode.Listener.class);

        WireDelta delta = Json.read(examples.get("delta"), WireDelta.class);
        assertThat(delta.from()).isEqualTo(graph.version());
        assertThat(delta.version()).isEqualTo(graph.version() + 1);
        assertThat(ids).containsAll(delta.removedNodes());

        WireProcessDetails process = Json.read(examples.get("process"), WireProcessDetails.class);
        assertThat(graph.nodes()).contains(process.node());
        assertThat(Json.read(examples.get("health"), WireHealth.class).version()).isEqualTo(graph.version());
        WireManifest manifest = Json.read(examples.get("manifest"), WireManifest.class);
        assertThat(manifest.jsFile()).isEqualTo("vis-network-" + manifest.visNetworkVersion() + ".standalone.min.js");
        assertThat(manifest.sha256Js()).matches("[0-9a-f]{64}");
    }

    @Test
    void everyFieldOfEveryRecordIsNamed() throws IOException {
        String doc = Files.readString(DOC);
        for (Class<? extends Record> type : RECORDS) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed != null ? renamed.value() : component.getName();
                assertThat(doc).as(type.getSimpleName() + "." + component.getName()).contains("`" + name + "`");
            }
        }
    }

    @Test
    void theErrorShapeInTheDocIsTheOneSent() throws IOException {
        Matcher error = Pattern.compile("Errors have one shape[^`]*`status`[^`]*`error`[^`]*: `(\\{.*?\\})`")
                .matcher(Files.readString(DOC));
        assertThat(error.find()).isTrue();
        assertThat(Json.read(error.group(1), WireError.class).status()).isEqualTo(404);
    }

    private static Map<String, String> examples() throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher matcher = EXAMPLE.matcher(Files.readString(DOC));
        while (matcher.find()) {
            examples.put(matcher.group(1), matcher.group(2));
        }
        return examples;
    }
}
