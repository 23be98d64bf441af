package io.procnet.server.internal.wire;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeTraffic;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphDelta;
import io.procnet.graph.GroupNode;
import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.CollectionIssue;
import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns the core's values into their wire form. Pure and thread-safe. */
public final class Wire {
    private Wire() {
    }

    /** The whole graph, as {@code /api/graph} sends it. */
    public static WireGraph graph(Graph graph, WireHost host, boolean stale) {
        return new WireGraph(graph.version(), time(graph.takenAt()), graph.collectorId(), host, stale,
                nodes(graph.nodes()), edges(graph.edges()), issues(graph.issues()));
    }

    public static List<WireNode> nodes(List<? extends Node> nodes) {
        return map(nodes, Wire::node);
    }

    public static List<WireEdge> edges(List<Edge> edges) {
        return map(edges, Wire::edge);
    }

    public static List<WireIssue> issues(List<CollectionIssue> issues) {
        return map(issues, issue -> new WireIssue(issue.code(), issue.message(), issue.count()));
    }

    /** The delta between two published graphs, with the newer one's time, collector, staleness and issues. */
    public static WireDelta delta(GraphDelta delta, Instant takenAt, String collector, boolean stale,
                                  List<CollectionIssue> issues) {
        return new WireDelta(delta.fromVersion(), delta.toVersion(), time(takenAt), collector, stale, issues(issues),
                nodes(delta.addedNodes()), nodes(delta.updatedNodes()), delta.removedNodes(),
                edges(delta.addedEdges()), edges(delta.updatedEdges()), delta.removedEdges());
    }

    public static WireNode node(Node node) {
        if (node instanceof ProcessNode process) {
            return new WireNode.Process(process.id(), process.label(), process.type(), process(process.process()),
                    process.listeningPorts(), process.group());
        }
        if (node instanceof RemoteNode remote) {
            return new WireNode.Remote(remote.id(), remote.label(), remote.type(),
                    InetAddresses.format(remote.address()), remote.namespace());
        }
        if (node instanceof ListenerNode listener) {
            return new WireNode.Listener(listener.id(), listener.label(), listener.type(),
                    listener.protocol().name(), listener.port(), listener.namespace(),
                    map(listener.bound(), Wire::endpoint));
        }
        GroupNode group = (GroupNode) node;
        return new WireNode.Group(group.id(), group.label(), group.type(), group.leaderPid(),
                map(group.members(), ProcessNode::id), group.listeningPorts());
    }

    public static WireEdge edge(Edge edge) {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (Map.Entry<SocketState, Integer> state : edge.states().entrySet()) {
            states.put(state.getKey().name(), state.getValue());
        }
        EdgeTraffic traffic = edge.traffic();
        return new WireEdge(edge.id(), edge.from(), edge.to(), edge.kind().name(), edge.protocol().name(),
                edge.serverPort(), edge.count(), states, edge.reason().name(),
                traffic == null ? null
                        : new WireTraffic(traffic.bytesPerSecondToServer(), traffic.bytesPerSecondToClient()));
    }

    public static WireProcess process(ProcessInfo process) {
        return new WireProcess(process.pid(), process.parentPid(), process.name(), process.commandLine(),
                process.user(), time(process.startTime()), process.executable(), process.services());
    }

    public static WireSocket socket(SocketEntry socket) {
        TrafficCounters traffic = socket.traffic();
        return new WireSocket(socket.protocol().name(), endpoint(socket.local()),
                socket.remote() == null ? null : endpoint(socket.remote()), socket.state().name(), socket.inode(),
                socket.namespace(), traffic == null ? null
                        : new WireSocketTraffic(traffic.bytesSent(), traffic.bytesReceived(), traffic.segmentsSent(),
                                traffic.segmentsReceived(),
                                traffic.roundTrip() == null ? -1 : traffic.roundTrip().toNanos() / 1000));
    }

    /**
     * A process of {@code snapshot} with every socket it holds and its node in {@code graph}, or null
     * when the snapshot knows neither the process nor a socket of it.
     */
    public static WireProcessDetails processDetails(Graph graph, Snapshot snapshot, long pid) {
        List<WireSocket> sockets = new ArrayList<>();
        for (SocketEntry socket : snapshot.sockets()) {
            if (socket.pid() == pid) {
                sockets.add(socket(socket));
            }
        }
        if (sockets.isEmpty() && !snapshot.processes().containsKey(pid)) {
            return null;
        }
        Node node = graph.node(ProcessNode.idOf(pid));
        return new WireProcessDetails(process(snapshot.process(pid)), node == null ? null : node(node), sockets);
    }

    public static WireEndpoint endpoint(Endpoint endpoint) {
        return new WireEndpoint(InetAddresses.format(endpoint.address()), endpoint.port());
    }

    /** ISO-8601 in UTC, or null. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T, R> List<R> map(List<? extends T> items, Function<T, R> mapping) {
        List<R> mapped = new ArrayList<>(items.size());
        for (T item : items) {
            mapped.add(mapping.apply(item));
        }
        return mapped;
    }
}
