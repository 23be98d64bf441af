package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.NodeClassification;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns one snapshot into a graph. Single use, not thread-safe. */
public final class GraphAssembler {
    private static final System.Logger LOG = System.getLogger(GraphAssembler.class.getName());

    private final Snapshot snapshot;
    private final GraphOptions options;
    private final NodeClassifier classifier;
    private final TrafficMeter.Round traffic;

    private final List<SocketEntry> sockets = new ArrayList<>();
    private final List<SocketEntry> ownedListeners = new ArrayList<>();
    private final ListenerTable listeners = new ListenerTable();
    private final Map<Long, SortedSet<Integer>> listeningPorts = new HashMap<>();
    private final Set<InetAddress> localAddresses = new HashSet<>();

    private final Map<Long, String> processIds = new HashMap<>();
    private final Map<InetAddress, RemoteNode> remoteNodes = new HashMap<>();
    private final Map<EdgeKey, EdgeAccumulator> edges = new HashMap<>();
    private final Set<ServerPort> connectedServers = new HashSet<>();
    private final List<ListenerNode> listenerNodes = new ArrayList<>();
    private final long[] bytes = new long[2];

    public GraphAssembler(Snapshot snapshot, GraphOptions options, NodeClassifier classifier, TrafficMeter.Round traffic) {
        this.snapshot = snapshot;
        this.options = options;
        this.classifier = classifier;
        this.traffic = traffic;
    }

    public Graph assemble(long version) {
        index();
        connect();
        if (!options.p2pOnly()) {
            attachUnusedListeners();
        }
        List<Edge> built = new ArrayList<>(edges.size());
        for (EdgeAccumulator edge : edges.values()) {
            built.add(edge.build(traffic.seconds()));
        }
        return new Graph(version, snapshot.takenAt(), snapshot.collectorId(), nodes(), built, snapshot.issues());
    }

    private void index() {
        for (SocketEntry socket : snapshot.sockets()) {
            if (socket.protocol() == Protocol.UDP && !options.includeUdp()) {
                continue;
            }
            sockets.add(socket);
            if (!socket.local().isWildcard()) {
                localAddresses.add(socket.local().address());
            }
            if (socket.isListening()) {
                listeners.add(socket);
                if (socket.hasOwner()) {
                    ownedListeners.add(socket);
                    listeningPorts.computeIfAbsent(socket.pid(), pid -> new TreeSet<>()).add(socket.local().port());
                }
            }
        }
        localAddresses.addAll(options.localAddresses());
    }

    private boolean isLocal(InetAddress address) {
        return address.isLoopbackAddress() || localAddresses.contains(address);
    }

    /** Pairs the halves of local connections, then turns every connection into an edge. */
    private void connect() {
        int n = sockets.size();
        Map<ConnectionKey, Integer> localHalves = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SocketEntry socket = sockets.get(i);
            if (socket.remote() != null && isLocal(socket.remote().address())) {
                localHalves.put(ConnectionKey.of(socket), i);
            }
        }
        DirectionHeuristics heuristics = new DirectionHeuristics(listeners, new FanIn(sockets),
                new ServicePorts(options.extraServicePorts()), options.ephemeralPorts());
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            SocketEntry self = sockets.get(i);
            if (self.remote() == null || done[i]) {
                continue;
            }
            done[i] = true;
            boolean remoteIsLocal = isLocal(self.remote().address());
            SocketEntry peer = null;
            if (remoteIsLocal) {
                Integer other = localHalves.get(ConnectionKey.peerOf(self));
                if (other != null) {
                    peer = sockets.get(other);
                    done[other] = true;
                }
            }
            if (!self.hasOwner()) {
                if (peer == null || !peer.hasOwner()) {
                    continue; // nobody to draw: counted by the collector's unowned-sockets issue
                }
                SocketEntry owned = peer;
                peer = self;
                self = owned;
            }
            Connection connection = new Connection(self, peer, remoteIsLocal);
            addConnection(connection, heuristics.decide(connection));
        }
    }

    private void addConnection(Connection connection, Verdict verdict) {
        SocketEntry self = connection.self();
        SocketEntry peer = connection.peer();
        boolean remoteIsServer = verdict.remoteIsServer();
        long otherPid = SocketEntry.NO_PID;
        if (peer != null && peer.hasOwner()) {
            otherPid = peer.pid();
        } else if (remoteIsServer && connection.remoteIsLocal()) {
            // The serving half is not in the table yet (accept queue, other namespace): its listener's owner serves.
            otherPid = listeners.ownerAccepting(self.protocol(), self.remote());
        }
        if (otherPid == SocketEntry.NO_PID && options.p2pOnly()) {
            return;
        }
        String selfNode = processNode(self.pid());
        String otherNode = otherPid == SocketEntry.NO_PID
                ? remoteNode(self.remote().address()) : processNode(otherPid);

        Protocol protocol = self.protocol();
        int serverPort = remoteIsServer ? self.remote().port() : self.local().port();
        long serverPid = remoteIsServer ? otherPid : self.pid();
        if (serverPid != SocketEntry.NO_PID) {
            connectedServers.add(new ServerPort(protocol, serverPort, serverPid));
        }
        EdgeKey key = remoteIsServer
                ? new EdgeKey(selfNode, otherNode, protocol, serverPort)
                : new EdgeKey(otherNode, selfNode, protocol, serverPort);
        EdgeAccumulator edge = edges.computeIfAbsent(key, k -> new EdgeAccumulator(k, EdgeKind.CONNECTION));

        SocketEntry clientHalf = remoteIsServer ? self : peer;
        SocketEntry serverHalf = remoteIsServer ? peer : self;
        edge.add((clientHalf != null ? clientHalf : serverHalf).state(), verdict.reason());
        if (clientHalf != null && traffic.delta(clientHalf, bytes)) {
            edge.addBytes(bytes[0], bytes[1]);
        } else if (serverHalf != null && traffic.delta(serverHalf, bytes)) {
            edge.addBytes(bytes[1], bytes[0]);
        }
    }

    /** A listening socket that no connection reached becomes a listener node attached to its owner. */
    private void attachUnusedListeners() {
        Map<String, List<SocketEntry>> unusedByNode = new HashMap<>();
        for (SocketEntry listener : ownedListeners) {
            Protocol protocol = listener.protocol();
            int port = listener.local().port();
            if (connectedServers.contains(new ServerPort(protocol, port, listener.pid()))) {
                continue;
            }
            String nodeId = ListenerNode.idOf(protocol, port);
            unusedByNode.computeIfAbsent(nodeId, id -> new ArrayList<>()).add(listener);
            edges.computeIfAbsent(new EdgeKey(nodeId, processNode(listener.pid()), protocol, port),
                    key -> new EdgeAccumulator(key, EdgeKind.LISTENER)).add(listener.state(), DirectionReason.LISTENER);
        }
        for (Map.Entry<String, List<SocketEntry>> entry : unusedByNode.entrySet()) {
            SocketEntry first = entry.getValue().get(0);
            List<Endpoint> bound = entry.getValue().stream().map(SocketEntry::local).distinct()
                    .sorted(Comparator.comparing(Endpoint::toString)).collect(Collectors.toList());
            listenerNodes.add(new ListenerNode(entry.getKey(), first.protocol().id() + "/" + first.local().port(),
                    first.protocol(), first.local().port(), bound));
        }
    }

    private String processNode(long pid) {
        return processIds.computeIfAbsent(pid, ProcessNode::idOf);
    }

    private String remoteNode(InetAddress address) {
        return remoteNodes.computeIfAbsent(address, RemoteNode::of).id();
    }

    private List<Node> nodes() {
        List<Node> nodes = new ArrayList<>(processIds.size() + remoteNodes.size() + listenerNodes.size());
        for (Map.Entry<Long, String> entry : processIds.entrySet()) {
            long pid = entry.getKey();
            ProcessInfo process = snapshot.process(pid);
            SortedSet<Integer> ports = listeningPorts.getOrDefault(pid, new TreeSet<>());
            NodeClassification classification = classify(process, ports);
            nodes.add(new ProcessNode(entry.getValue(), classification.label(), classification.type(), process,
                    List.copyOf(ports)));
        }
        nodes.addAll(remoteNodes.values());
        nodes.addAll(listenerNodes);
        return nodes;
    }

    private NodeClassification classify(ProcessInfo process, Set<Integer> ports) {
        try {
            return classifier.classify(process, ports);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "classifier failed for pid " + process.pid()
                    + "; using the default type", e);
            return NodeClassifier.DEFAULT.classify(process, ports);
        }
    }
}
