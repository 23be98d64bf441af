package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.EdgeTraffic;
import io.procnet.graph.Graph;
import io.procnet.graph.GroupNode;
import io.procnet.graph.Node;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Folding a graph's process groups: on hand-made graphs, so that each rule shows alone. */
class GroupFoldingTest {
    private static final RemoteNode CLIENT = RemoteNode.of(InetAddresses.parseLiteral("10.0.0.9"));

    @Test
    void aGroupOfTwoIsFoldedAndAnEdgeThatTouchesNoMemberIsKeptAsItIs() {
        ProcessNode master = process(300, "master", "group:300");
        ProcessNode worker = process(200, "worker", "group:300");
        ProcessNode alone = process(50, "cron", "group:50");
        Edge untouched = edge(CLIENT.id(), alone.id(), 25, DirectionReason.SERVICE_PORT, 1, null);
        Edge toWorker = edge(CLIENT.id(), worker.id(), 80, DirectionReason.LISTENER, 1, null);
        Graph graph = graph(List.of(master, worker, alone, CLIENT), List.of(untouched, toWorker));

        Graph folded = GroupFolding.fold(graph);

        assertThat(folded.nodes()).extracting(Node::id).containsExactly("ext:10.0.0.9", "group:300", "proc:50");
        GroupNode group = (GroupNode) folded.node("group:300");
        assertThat(group.label()).isEqualTo("master \u00d72"); // the leader's, though it has the higher pid
        assertThat(group.leaderPid()).isEqualTo(300);
        assertThat(group.members()).extracting(member -> member.process().pid()).containsExactly(200L, 300L);
        assertThat(folded.edge(untouched.id())).isSameAs(untouched);
        assertThat(folded.edge("tcp:ext:10.0.0.9->group:300:80")).isNotNull();
        assertThat(folded.node("proc:50")).isSameAs(alone);
    }

    @Test
    void membersAreInPidOrderAndALeaderWithoutSocketsLendsItsPidOnly() {
        ProcessNode small = process(99, "postgres: writer", "group:7");
        ProcessNode middle = process(100, "postgres: walsender", "group:7");
        ProcessNode large = process(1000, "postgres: backend", "group:7");
        Graph graph = graph(List.of(large, small, middle), List.of());

        GroupNode group = (GroupNode) GroupFolding.fold(graph).node("group:7");

        assertThat(group.members()).extracting(member -> member.process().pid()).containsExactly(99L, 100L, 1000L);
        assertThat(group.leaderPid()).isEqualTo(7);
        assertThat(group.label()).isEqualTo("postgres: writer \u00d73"); // the lowest pid stands in for the leader
    }

    @Test
    void aMergedEdgeHasTheSurestReasonWhateverTheOrderOfItsParts() {
        ProcessNode a = process(10, "app", "group:10");
        ProcessNode b = process(11, "app", "group:10");
        ProcessNode c = process(12, "app", "group:10");
        Edge guessed = edge(CLIENT.id(), a.id(), 80, DirectionReason.GUESS, 2, new EdgeTraffic(1, 2));
        Edge listened = edge(CLIENT.id(), b.id(), 80, DirectionReason.LISTENER, 3, null);
        Edge serviced = edge(CLIENT.id(), c.id(), 80, DirectionReason.SERVICE_PORT, 1, new EdgeTraffic(10, 20));

        Edge merged = GroupFolding.fold(graph(List.of(a, b, c, CLIENT), List.of(guessed, listened, serviced)))
                .edge("tcp:ext:10.0.0.9->group:10:80");

        assertThat(merged.reason()).isEqualTo(DirectionReason.LISTENER);
        assertThat(merged.count()).isEqualTo(6);
        assertThat(merged.states()).isEqualTo(Map.of(SocketState.ESTABLISHED, 6));
        assertThat(merged.traffic()).isEqualTo(new EdgeTraffic(11, 22));
        assertThat(merged.kind()).isEqualTo(EdgeKind.CONNECTION);
    }

    @Test
    void aGraphWithoutGroupsIsReturnedAsItIs() {
        Graph graph = graph(List.of(process(10, "a", "group:10"), process(11, "b", "group:11"), CLIENT), List.of());

        assertThat(GroupFolding.fold(graph)).isSameAs(graph);
    }

    private static ProcessNode process(long pid, String label, String group) {
        return new ProcessNode(ProcessNode.idOf(pid), label, "app",
                new ProcessInfo(pid, label, label, "user", Instant.EPOCH), List.of(), group);
    }

    private static Edge edge(String from, String to, int port, DirectionReason reason, int count, EdgeTraffic traffic) {
        return new Edge(Edge.idOf(Protocol.TCP, from, to, port), from, to, EdgeKind.CONNECTION, Protocol.TCP, port, count,
                Map.of(SocketState.ESTABLISHED, count), reason, traffic);
    }

    private static Graph graph(List<? extends Node> nodes, List<Edge> edges) {
        return new Graph(1, Instant.EPOCH, "test", nodes, edges, List.of());
    }
}
