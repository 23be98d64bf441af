package io.procnet.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.CollectionIssue;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public constructor of {@link Graph}: nodes and edges in any order, checked, sorted and found by id. */
class GraphTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    static Stream<Arguments> nodeOrders() {
        return Stream.of(
                Arguments.of("none", List.of(), List.of()),
                Arguments.of("one", List.of("ext:10.0.0.1"), List.of("ext:10.0.0.1")),
                Arguments.of("sorted already", List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.3"),
                        List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.3")),
                Arguments.of("reversed", List.of("ext:10.0.0.3", "ext:10.0.0.2", "ext:10.0.0.1"),
                        List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.3")),
                Arguments.of("one out of place at the end", List.of("ext:10.0.0.2", "ext:10.0.0.3", "ext:10.0.0.1"),
                        List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.3")),
                Arguments.of("one out of place at the start", List.of("ext:10.0.0.3", "ext:10.0.0.1", "ext:10.0.0.2"),
                        List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeOrders")
    void nodesComeSortedById(String name, List<String> given, List<String> expected) {
        Graph graph = graph(given.stream().map(GraphTest::remote).toList(), List.of());

        assertThat(graph.nodes()).extracting(Node::id).containsExactlyElementsOf(expected);
    }

    @Test
    void edgesComeSortedById() {
        List<Node> nodes = List.of(remote("ext:10.0.0.1"), remote("ext:10.0.0.2"));
        Edge first = edge("ext:10.0.0.1", "ext:10.0.0.2", 80);
        Edge second = edge("ext:10.0.0.1", "ext:10.0.0.2", 443);
        Edge third = edge("ext:10.0.0.2", "ext:10.0.0.1", 22);

        Graph graph = graph(nodes, List.of(third, second, first));

        assertThat(graph.edges()).containsExactly(second, first, third); // ids compare as text: ...:443 < ...:80
    }

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 13})
    void findsEveryNodeAndEdgeByIdAndNothingElse(int size) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(remote("ext:10.0.0." + (10 + i)));
            edges.add(edge("ext:10.0.0.10", "ext:10.0.0." + (10 + i), 1000 + i));
        }
        Graph graph = graph(nodes, edges);

        for (int i = 0; i < size; i++) {
            assertThat(graph.node("ext:10.0.0." + (10 + i))).isSameAs(nodes.get(i));
            assertThat(graph.edge(edges.get(i).id())).isSameAs(edges.get(i));
        }
        // before the first, between two, after the last
        assertThat(graph.node("ext:10.0.0.0")).isNull();
        assertThat(graph.node("ext:10.0.0.10x")).isNull();
        assertThat(graph.node("ext:9")).isNull();
        assertThat(graph.edge("tcp:zzz")).isNull();
        assertThat(graph.edge("")).isNull();
    }

    @Test
    void anEmptyGraphFindsNothing() {
        Graph graph = graph(List.of(), List.of());

        assertThat(graph.nodes()).isEmpty();
        assertThat(graph.edges()).isEmpty();
        assertThat(graph.node("ext:10.0.0.1")).isNull();
        assertThat(Graph.empty().node("ext:10.0.0.1")).isNull();
        assertThat(Graph.empty().version()).isZero();
    }

    static Stream<Arguments> duplicates() {
        return Stream.of(
                Arguments.of(List.of("ext:10.0.0.1", "ext:10.0.0.1")),
                Arguments.of(List.of("ext:10.0.0.2", "ext:10.0.0.1", "ext:10.0.0.2")),
                Arguments.of(List.of("ext:10.0.0.1", "ext:10.0.0.2", "ext:10.0.0.2")));
    }

    @ParameterizedTest
    @MethodSource("duplicates")
    void rejectsTwoNodesWithOneId(List<String> ids) {
        List<Node> nodes = ids.stream().map(id -> (Node) remote(id)).toList();

        assertThatThrownBy(() -> graph(nodes, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate node id ext:10.0.0." + (ids.size() == 2 ? 1 : 2));
    }

    @Test
    void rejectsTwoEdgesWithOneId() {
        List<Node> nodes = List.of(remote("ext:10.0.0.1"), remote("ext:10.0.0.2"));
        Edge edge = edge("ext:10.0.0.1", "ext:10.0.0.2", 80);

        assertThatThrownBy(() -> graph(nodes, List.of(edge, edge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate edge id " + edge.id());
    }

    @Test
    void rejectsAnEdgeWhoseEndIsNoNode() {
        List<Node> nodes = List.of(remote("ext:10.0.0.1"));

        assertThatThrownBy(() -> graph(nodes, List.of(edge("ext:10.0.0.1", "ext:10.0.0.9", 80))))
                .hasMessage("edge tcp:ext:10.0.0.1->ext:10.0.0.9:80 has an end that is not a node");
        assertThatThrownBy(() -> graph(nodes, List.of(edge("ext:10.0.0.9", "ext:10.0.0.1", 80))))
                .hasMessage("edge tcp:ext:10.0.0.9->ext:10.0.0.1:80 has an end that is not a node");
    }

    @Test
    void keepsItsFactsAndCopiesItsLists() {
        List<Node> nodes = new ArrayList<>(List.of(remote("ext:10.0.0.2"), remote("ext:10.0.0.1")));
        List<CollectionIssue> issues = new ArrayList<>(List.of(new CollectionIssue("partial-data", "udp", 0)));
        Graph graph = new Graph(7, T0, "linux-test", nodes, List.of(), issues);
        nodes.clear();
        issues.clear();

        assertThat(graph.version()).isEqualTo(7);
        assertThat(graph.takenAt()).isEqualTo(T0);
        assertThat(graph.collectorId()).isEqualTo("linux-test");
        assertThat(graph.nodes()).hasSize(2);
        assertThat(graph.issues()).extracting(CollectionIssue::code).containsExactly("partial-data");
        assertThat(graph).hasToString("Graph[version=7, nodes=2, edges=0]");
        assertThatThrownBy(() -> graph.nodes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Graph(1, null, "x", List.of(), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("takenAt");
        assertThatThrownBy(() -> new Graph(1, T0, null, List.of(), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("collectorId");
    }

    @Test
    void aBuiltGraphCountsItsElementsInItsText() {
        Graph graph = TopologyBuilder.withDefaults().build(Sockets.snapshot(List.of(
                Sockets.est(10, "192.168.1.5:50000", "10.0.0.1:443"))));

        assertThat(graph).hasToString("Graph[version=1, nodes=2, edges=1]");
    }

    @Test
    void manyNodesInAnyOrderAreSortedAndFound() {
        List<Node> nodes = new ArrayList<>(IntStream.range(0, 200)
                .mapToObj(i -> (Node) remote("ext:10.0." + (i % 7) + "." + i)).toList());
        java.util.Collections.shuffle(nodes, new java.util.Random(3));

        Graph graph = graph(nodes, List.of());

        assertThat(graph.nodes()).extracting(Node::id).isSorted().hasSize(200);
        nodes.forEach(node -> assertThat(graph.node(node.id())).isSameAs(node));
    }

    private static Graph graph(List<? extends Node> nodes, List<Edge> edges) {
        return new Graph(1, T0, "test", nodes, edges, List.of());
    }

    private static RemoteNode remote(String id) {
        return RemoteNode.of(InetAddresses.parseLiteral(id.substring("ext:".length())));
    }

    private static Edge edge(String from, String to, int port) {
        return new Edge(Edge.idOf(Protocol.TCP, from, to, port), from, to, EdgeKind.CONNECTION, Protocol.TCP, port, 1,
                Map.of(), DirectionReason.GUESS, null);
    }
}
