package io.procnet.export;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.PortRange;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Graphs for the export tests: a small one, one of hostile names, and a folded one. */
final class Graphs {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /**
     * Process names that try to break out of a label, a line or a column: quotes, brackets,
     * braces, pipes, newlines, an arrow, a lone backslash, markup, entities, a Mermaid directive,
     * what Mermaid's {@code style} clean-up cuts, bidirectional and zero-width characters, other
     * scripts, combining marks and emoji; by pid.
     */
    static final Map<Long, String> HOSTILE = hostile();

    /**
     * How each {@link #HOSTILE} name must show, by pid: as it is, but for the characters that would
     * break a line or hide text, which show as escapes.
     */
    static final Map<Long, String> SHOWN = Map.of(
            10L, "a\"b]\\n--> x {y} <html>",
            11L, "\\",
            12L, "<script>alert('x')</script>",
            13L, "pipe|tick`hash#quot; &amp; &#60; 100%",
            14L, "%%{init: {\"theme\": \"dark\"}}%%",
            15L, "style:#x;  two  spaces ",
            16L, "n0 --> n1; n1[\"x\"]\\r\\n\\tsubgraph",
            17L, "\u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \\u202eevil\\u200b",
            18L, "\\N \\G \\l \\\\\" end\\");

    private Graphs() {
    }

    /**
     * The lines each node of {@link #hostileNames()} must show, by node id: a process's name as
     * {@link #SHOWN} and its pid, a remote's label.
     */
    static Map<String, List<String>> hostileLabels() {
        Map<String, List<String>> labels = new HashMap<>();
        SHOWN.forEach((pid, shown) -> labels.put(ProcessNode.idOf(pid), List.of(shown, "pid " + pid)));
        labels.put("ext:10.0.0.9", List.of("evil\"]; x --> y"));
        labels.put("ext:127.0.0.1@net:[4026532200]", List.of("127.0.0.1 (net:[4026532200])"));
        return labels;
    }

    private static Map<Long, String> hostile() {
        Map<Long, String> names = new LinkedHashMap<>();
        names.put(10L, "a\"b]\n--> x {y} <html>");
        names.put(11L, "\\");
        names.put(12L, "<script>alert('x')</script>");
        names.put(13L, "pipe|tick`hash#quot; &amp; &#60; 100%");
        names.put(14L, "%%{init: {\"theme\": \"dark\"}}%%");
        names.put(15L, "style:#x;  two  spaces ");
        names.put(16L, "n0 --> n1; n1[\"x\"]\r\n\tsubgraph");
        names.put(17L, "\u6570\u636e\u5e93 \ud83d\udc18 e\u0301 \u202eevil\u200b");
        names.put(18L, "\\N \\G \\l \\\\\" end\\");
        return names;
    }

    /** A process node named {@code name}. */
    static ProcessNode process(long pid, String name) {
        ProcessInfo info = new ProcessInfo(pid, ProcessInfo.NO_PARENT, name, name, "user", T0, "", List.of());
        return new ProcessNode(ProcessNode.idOf(pid), name, "app", info, List.of(), "group:" + pid);
    }

    static Edge edge(Node from, Node to, Protocol protocol, int port, int count, DirectionReason reason) {
        EdgeKind kind = from instanceof ListenerNode ? EdgeKind.LISTENER : EdgeKind.CONNECTION;
        return new Edge(Edge.idOf(protocol, from.id(), to.id(), port), from.id(), to.id(), kind, protocol, port, count,
                Map.of(kind == EdgeKind.LISTENER ? SocketState.LISTEN : SocketState.ESTABLISHED, count), reason, null);
    }

    /**
     * psql (10) to postgres (20) three times, postgres out to an IPv6 remote (a heuristic), psql's
     * DNS over UDP (a heuristic), and a listener of postgres that no one reached.
     */
    static Graph small() {
        ProcessNode psql = process(10, "psql");
        ProcessNode postgres = process(20, "postgres");
        RemoteNode dns = RemoteNode.of(InetAddresses.parseLiteral("10.0.0.1"));
        RemoteNode web = RemoteNode.of(InetAddresses.parseLiteral("2001:db8::9"));
        ListenerNode listener = ListenerNode.of(Protocol.TCP, 8080, List.of(Endpoint.of("0.0.0.0", 8080)));
        return new Graph(1, T0, "test", List.of(psql, postgres, dns, web, listener), List.of(
                edge(psql, postgres, Protocol.TCP, 5432, 3, DirectionReason.LISTENER),
                edge(postgres, web, Protocol.TCP, 443, 1, DirectionReason.EPHEMERAL),
                edge(psql, dns, Protocol.UDP, 53, 1, DirectionReason.SERVICE_PORT),
                edge(listener, postgres, Protocol.TCP, 8080, 1, DirectionReason.LISTENER)), List.of());
    }

    /**
     * Every {@link #HOSTILE} name as a process, each connected to the next, the last to a loopback
     * address of another namespace (brackets in its id and label), and a remote whose resolved
     * name is hostile too.
     */
    static Graph hostileNames() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Node previous = null;
        int port = 7000;
        for (Map.Entry<Long, String> name : HOSTILE.entrySet()) {
            Node node = process(name.getKey(), name.getValue());
            nodes.add(node);
            if (previous != null) {
                edges.add(edge(previous, node, port % 2 == 0 ? Protocol.TCP : Protocol.UDP, port, port % 3 + 1,
                        port % 4 == 0 ? DirectionReason.GUESS : DirectionReason.LISTENER));
            }
            previous = node;
            port++;
        }
        RemoteNode container = RemoteNode.of(InetAddresses.parseLiteral("127.0.0.1"), "net:[4026532200]");
        RemoteNode resolved = new RemoteNode(RemoteNode.idOf(InetAddresses.parseLiteral("10.0.0.9")),
                "evil\"]; x --> y", InetAddresses.parseLiteral("10.0.0.9"), null);
        nodes.add(container);
        nodes.add(resolved);
        edges.add(edge(previous, container, Protocol.TCP, 80, 1, DirectionReason.NOT_LISTENING));
        edges.add(edge(previous, resolved, Protocol.TCP, 443, 2, DirectionReason.HANDSHAKE));
        return new Graph(2, T0, "test", nodes, edges, List.of());
    }

    /** A postgres postmaster (100) and two backends, folded, with psql (10) connected to both backends. */
    static Built folded() {
        Map<Long, ProcessInfo> processes = new HashMap<>();
        for (ProcessInfo process : List.of(postgres(100, 1), postgres(101, 100), postgres(102, 100),
                new ProcessInfo(10, 9, "psql", "psql", "user", T0.minusSeconds(10), "/usr/bin/psql", List.of()))) {
            processes.put(process.pid(), process);
        }
        List<SocketEntry> sockets = List.of(listen(100, "0.0.0.0:5432"), listen(100, "[::]:5433"),
                connected(10, "127.0.0.1:40001", "127.0.0.1:5432"),
                connected(101, "127.0.0.1:5432", "127.0.0.1:40001"),
                connected(10, "127.0.0.1:40002", "127.0.0.1:5432"),
                connected(102, "127.0.0.1:5432", "127.0.0.1:40002"),
                new SocketEntry(Protocol.TCP, Endpoint.of("127.0.0.1", 40003), Endpoint.of("127.0.0.1", 5432),
                        SocketState.TIME_WAIT, SocketEntry.NO_PID, 0, null));
        return built(new Snapshot(T0, 0, "test", sockets, processes, List.of()),
                new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of()).withFoldGroups(true));
    }

    /**
     * postgres (20) serving psql (10) on loopback, psql out to an IPv6 remote, an unowned
     * {@code TIME_WAIT} half, and svchost (30, hosting Dnscache) with DNS on UDP 53, an unconnected
     * UDP client socket and a TCP socket that is bound only; UDP drawn.
     */
    static Built table() {
        Map<Long, ProcessInfo> processes = new HashMap<>();
        processes.put(10L, new ProcessInfo(10, "psql", "psql", "user", T0));
        processes.put(20L, new ProcessInfo(20, "postgres", "postgres", "postgres", T0));
        processes.put(30L, new ProcessInfo(30, "svchost.exe", "svchost.exe -k NetworkService", "SYSTEM", T0)
                .withServices(List.of("Dnscache")));
        List<SocketEntry> sockets = List.of(listen(20, "0.0.0.0:5432"),
                connected(10, "127.0.0.1:40000", "127.0.0.1:5432"),
                connected(20, "127.0.0.1:5432", "127.0.0.1:40000"),
                connected(10, "[2001:db8::1]:40001", "[2001:db8::9]:443"),
                new SocketEntry(Protocol.TCP, endpoint("127.0.0.1:40002"), endpoint("127.0.0.1:5432"),
                        SocketState.TIME_WAIT, SocketEntry.NO_PID, 0, null),
                new SocketEntry(Protocol.UDP, endpoint("0.0.0.0:50000"), null, SocketState.BOUND, 30, 0, null),
                new SocketEntry(Protocol.UDP, endpoint("0.0.0.0:53"), null, SocketState.BOUND, 30, 0, null),
                new SocketEntry(Protocol.TCP, endpoint("0.0.0.0:7777"), null, SocketState.CLOSED, 30, 0, null));
        return built(new Snapshot(T0, 0, "test", sockets, processes, List.of()),
                new GraphOptions(false, true, Set.of(), PortRange.LINUX_DEFAULT, Set.of()));
    }

    /** Every {@link #HOSTILE} name owning a socket connected to a remote, and listening. */
    static Built hostileTable() {
        Map<Long, ProcessInfo> processes = new HashMap<>();
        List<SocketEntry> sockets = new ArrayList<>();
        for (Map.Entry<Long, String> name : HOSTILE.entrySet()) {
            long pid = name.getKey();
            processes.put(pid, new ProcessInfo(pid, name.getValue(), name.getValue(), "user", T0));
            sockets.add(listen(pid, "0.0.0.0:" + (9000 + pid)));
            sockets.add(connected(pid, "192.168.1.5:" + (40000 + pid), "10.0.0.1:443"));
        }
        return built(new Snapshot(T0, 0, "test", sockets, processes, List.of()),
                new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of()));
    }

    private static Built built(Snapshot snapshot, GraphOptions options) {
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        Graph graph = builder.build(snapshot);
        return new Built(snapshot, graph, builder.socketEdgeIds(snapshot));
    }

    /** A snapshot, its graph, and the edge each socket counts in. */
    record Built(Snapshot snapshot, Graph graph, List<String> edgeIds) {
    }

    private static ProcessInfo postgres(long pid, long parent) {
        return new ProcessInfo(pid, parent, "postgres", "postgres", "postgres", T0.minusSeconds(1000 - pid),
                "/usr/lib/postgresql/16/bin/postgres", List.of());
    }

    private static SocketEntry listen(long pid, String local) {
        return new SocketEntry(Protocol.TCP, endpoint(local), null, SocketState.LISTEN, pid, 0, null);
    }

    private static SocketEntry connected(long pid, String local, String remote) {
        return new SocketEntry(Protocol.TCP, endpoint(local), endpoint(remote), SocketState.ESTABLISHED, pid, 0, null);
    }

    static Endpoint endpoint(String text) {
        int colon = text.lastIndexOf(':');
        return Endpoint.of(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
}
