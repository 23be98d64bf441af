package io.procnet.internal.graph;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeTraffic;
import io.procnet.graph.Graph;
import io.procnet.graph.GroupNode;
import io.procnet.graph.Node;
import io.procnet.graph.ProcessNode;
import io.procnet.model.SocketState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Folds each process group of two or more process nodes into one {@link GroupNode}, and
 * aggregates the edges of its members: counts and states summed, the surest reason, traffic
 * summed. Edges that touch no member, and nodes outside such groups, are kept as they are. Pure.
 */
public final class GroupFolding {
    private GroupFolding() {
    }

    public static Graph fold(Graph graph) {
        Map<String, List<ProcessNode>> byGroup = new LinkedHashMap<>();
        for (Node node : graph.nodes()) {
            if (node instanceof ProcessNode process) {
                byGroup.computeIfAbsent(process.group(), id -> new ArrayList<>()).add(process);
            }
        }
        Map<String, String> folded = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, List<ProcessNode>> group : byGroup.entrySet()) {
            List<ProcessNode> members = group.getValue();
            if (members.size() >= 2) {
                GroupNode node = groupNode(group.getKey(), members);
                members.forEach(member -> folded.put(member.id(), node.id()));
                nodes.add(node);
            }
        }
        if (folded.isEmpty()) {
            return graph;
        }
        for (Node node : graph.nodes()) {
            if (!folded.containsKey(node.id())) {
                nodes.add(node);
            }
        }
        Map<String, List<Edge>> byId = new LinkedHashMap<>();
        for (Edge edge : graph.edges()) {
            String from = folded.getOrDefault(edge.from(), edge.from());
            String to = folded.getOrDefault(edge.to(), edge.to());
            byId.computeIfAbsent(Edge.idOf(edge.protocol(), from, to, edge.serverPort()), id -> new ArrayList<>(1))
                    .add(edge);
        }
        List<Edge> edges = new ArrayList<>(byId.size());
        byId.forEach((id, parts) -> edges.add(parts.size() == 1 && parts.get(0).id().equals(id) ? parts.get(0)
                : merge(id, parts, folded)));
        return new Graph(graph.version(), graph.takenAt(), graph.collectorId(), nodes, edges, graph.issues());
    }

    private static GroupNode groupNode(String id, List<ProcessNode> members) {
        List<ProcessNode> byPid = new ArrayList<>(members);
        byPid.sort(Comparator.comparingLong(member -> member.process().pid()));
        long leaderPid = Long.parseLong(id.substring(GroupNode.ID_PREFIX.length()));
        ProcessNode leader = byPid.stream().filter(member -> member.process().pid() == leaderPid).findFirst()
                .orElse(byPid.get(0));
        TreeSet<Integer> ports = new TreeSet<>();
        byPid.forEach(member -> ports.addAll(member.listeningPorts()));
        return new GroupNode(id, leader.label() + " \u00d7" + byPid.size(), leader.type(), leaderPid, byPid,
                List.copyOf(ports));
    }

    private static Edge merge(String id, List<Edge> parts, Map<String, String> folded) {
        Edge first = parts.get(0);
        int count = 0;
        Map<SocketState, Integer> states = new EnumMap<>(SocketState.class);
        var reason = first.reason();
        boolean metered = false;
        long toServer = 0;
        long toClient = 0;
        for (Edge part : parts) {
            count += part.count();
            part.states().forEach((state, n) -> states.merge(state, n, Integer::sum));
            if (part.reason().compareTo(reason) < 0) {
                reason = part.reason();
            }
            if (part.traffic() != null) {
                metered = true;
                toServer += part.traffic().bytesPerSecondToServer();
                toClient += part.traffic().bytesPerSecondToClient();
            }
        }
        return new Edge(id, folded.getOrDefault(first.from(), first.from()), folded.getOrDefault(first.to(), first.to()),
                first.kind(), first.protocol(), first.serverPort(), count, states, reason,
                metered ? new EdgeTraffic(toServer, toClient) : null);
    }
}
