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
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a stream of snapshots into graphs. Edges and nodes that did not change are handed out
 * again (see {@link EdgeTable}, {@link NodeCache}), which keeps a steady-state build cheap.
 * Not thread-safe.
 */
public final class GraphAssembler {
    private static final System.Logger LOG = System.getLogger(GraphAssembler.class.getName());

    private final GraphOptions options;
    private final NodeClassifier classifier;
    private final ServicePorts servicePorts;
    private final TrafficMeter trafficMeter = new TrafficMeter();
    private final EdgeTable edges = new EdgeTable();
    private final NodeCache nodeCache = new NodeCache();
    private final ProcessIds processIds = new ProcessIds();
    private long round;

    public GraphAssembler(GraphOptions options, NodeClassifier classifier) {
        this.options = options;
        this.classifier = classifier;
        this.servicePorts = new ServicePorts(options.extraServicePorts());
    }

    /** The graph of {@code snapshot}, numbered {@code version}. */
    public Graph assemble(Snapshot snapshot, long version) {
        round++;
        processIds.startRound(round);
        TrafficMeter.Round traffic = trafficMeter.begin(snapshot.takenAt(), snapshot.sockets().size());
        Round current = new Round(snapshot, traffic);
        current.index();
        current.connect();
        if (!options.p2pOnly()) {
            current.attachUnservedListeners();
        }
        List<Edge> built = edges.build(round, traffic.seconds());
        List<Node> nodes = current.nodes();
        traffic.finish();
        processIds.endRound();
        return new Graph(version, snapshot.takenAt(), snapshot.collectorId(), nodes, built, snapshot.issues());
    }

    /** What is known about one snapshot while its graph is assembled. */
    private final class Round {
        private final Snapshot snapshot;
        private final TrafficMeter.Round traffic;
        private final List<SocketEntry> sockets;
        private final ListenerTable listeners = new ListenerTable();
        private final Map<Long, SortedSet<Integer>> listeningPorts = new HashMap<>();
        private final Set<InetAddress> localAddresses = new HashSet<>();
        private final List<ListenerNode> listenerNodes = new ArrayList<>();
        private final long[] bytes = new long[2];
        private DirectionHeuristics heuristics;

        Round(Snapshot snapshot, TrafficMeter.Round traffic) {
            this.snapshot = snapshot;
            this.traffic = traffic;
            this.sockets = new ArrayList<>(snapshot.sockets().size());
        }

        void index() {
            for (SocketEntry socket : snapshot.sockets()) {
                if (socket.protocol() == Protocol.UDP && !options.includeUdp()) {
                    continue;
                }
                sockets.add(socket);
                traffic.record(socket);
                if (!socket.local().isWildcard()) {
                    localAddresses.add(socket.local().address());
                }
                if (socket.isListening()) {
                    listeners.add(socket);
                    if (socket.hasOwner()) {
                        listeningPorts.computeIfAbsent(socket.pid(), pid -> new TreeSet<>())
                                .add(socket.local().port());
                    }
                }
            }
            localAddresses.addAll(options.localAddresses());
        }

        private boolean isLocal(InetAddress address) {
            return address.isLoopbackAddress() || localAddresses.contains(address);
        }

        /**
         * Turns every connection into an edge. Local halves go into an index first (a row that
         * repeats another's addresses is the same connection seen twice: only one of them stays,
         * see {@link #preferred}); then each half looks up its peer, and halves whose peer is not
         * there (other namespace, accept queue, filtered) are connected alone.
         */
        void connect() {
            int n = sockets.size();
            heuristics = new DirectionHeuristics(listeners, new FanIn(sockets), servicePorts, options.ephemeralPorts());
            ConnectionIndex halves = new ConnectionIndex(n);
            int[] local = new int[n];
            int localCount = 0;
            boolean[] settled = new boolean[n]; // paired, or dropped as a duplicate
            for (int i = 0; i < n; i++) {
                SocketEntry socket = sockets.get(i);
                if (socket.remote() == null) {
                    continue;
                }
                if (!isLocal(socket.remote().address())) {
                    connect(socket, null, false);
                } else if (socket.local().equals(socket.remote())) {
                    connect(socket, socket, true); // connected to itself
                } else {
                    ConnectionKey key = ConnectionKey.of(socket);
                    int twin = halves.putIfAbsent(key, i);
                    if (twin >= 0) {
                        boolean replace = preferred(socket, sockets.get(twin));
                        settled[replace ? twin : i] = true;
                        if (replace) {
                            halves.put(key, i);
                        }
                    }
                    local[localCount++] = i;
                }
            }
            for (int k = 0; k < localCount; k++) {
                int i = local[k];
                if (settled[i]) {
                    continue;
                }
                int other = halves.get(ConnectionKey.peerOf(sockets.get(i)));
                settled[i] = true;
                if (other >= 0 && !settled[other]) {
                    settled[other] = true;
                    connect(sockets.get(i), sockets.get(other), true);
                } else {
                    connect(sockets.get(i), null, true);
                }
            }
        }

        /** Of two rows of one connection, the owned one, else the lower pid: the same whatever their order. */
        private boolean preferred(SocketEntry candidate, SocketEntry incumbent) {
            if (candidate.hasOwner() != incumbent.hasOwner()) {
                return candidate.hasOwner();
            }
            return candidate.pid() < incumbent.pid();
        }

        /** One connection: {@code self} and, when both halves are here, its {@code peer}. */
        private void connect(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            if (!self.hasOwner()) {
                if (peer == null || !peer.hasOwner()) {
                    return; // nobody to draw: the collector counts unowned sockets in its issues
                }
                addConnection(peer, self, true, heuristics.decide(peer, self, true));
                return;
            }
            addConnection(self, peer, remoteIsLocal, heuristics.decide(self, peer, remoteIsLocal));
        }

        private void addConnection(SocketEntry self, SocketEntry peer, boolean remoteIsLocal, Verdict verdict) {
            boolean remoteIsServer = verdict.remoteIsServer();
            long otherPid = SocketEntry.NO_PID;
            if (peer != null && peer.hasOwner()) {
                otherPid = peer.pid();
            } else if (remoteIsServer && remoteIsLocal) {
                // The serving half is not in the table (accept queue, other namespace): the listener's owner serves.
                otherPid = listeners.ownerAccepting(self.protocol(), self.remote(), Scope.ofRemote(self, peer));
            }
            if (otherPid == SocketEntry.NO_PID && options.p2pOnly()) {
                return;
            }
            String selfNode = processNode(self.pid());
            String otherNode = otherPid == SocketEntry.NO_PID
                    ? nodeCache.remote(self.remote().address(), round).id() : processNode(otherPid);

            Protocol protocol = self.protocol();
            int serverPort = remoteIsServer ? self.remote().port() : self.local().port();
            long serverPid = remoteIsServer ? otherPid : self.pid();
            if (verdict.reason() == DirectionReason.LISTENER) {
                listeners.markServed(protocol, remoteIsServer ? self.remote() : self.local(),
                        remoteIsServer ? Scope.ofRemote(self, peer) : Scope.ofLocal(self), serverPid);
            }
            EdgeKey key = remoteIsServer
                    ? new EdgeKey(selfNode, otherNode, protocol, serverPort)
                    : new EdgeKey(otherNode, selfNode, protocol, serverPort);
            EdgeAccumulator edge = edges.get(key, EdgeKind.CONNECTION);

            SocketEntry clientHalf = remoteIsServer ? self : peer;
            SocketEntry serverHalf = remoteIsServer ? peer : self;
            edge.add(round, (clientHalf != null ? clientHalf : serverHalf).state(), verdict.reason());
            if (clientHalf != null && traffic.delta(clientHalf, bytes)) {
                edge.addBytes(bytes[0], bytes[1]);
            } else if (serverHalf != null && traffic.delta(serverHalf, bytes)) {
                edge.addBytes(bytes[1], bytes[0]);
            }
        }

        /**
         * A TCP listening socket that no connection reached becomes a listener node attached to its
         * owner. Unconnected UDP sockets get none: many are clients that send with sendto, and
         * {@code --udp} draws UDP sockets that have a peer.
         */
        void attachUnservedListeners() {
            Map<String, List<SocketEntry>> byNode = new HashMap<>();
            for (SocketEntry listener : listeners.unserved()) {
                if (listener.protocol() != Protocol.TCP) {
                    continue;
                }
                Protocol protocol = listener.protocol();
                int port = listener.local().port();
                String nodeId = ListenerNode.idOf(protocol, port);
                byNode.computeIfAbsent(nodeId, id -> new ArrayList<>()).add(listener);
                edges.get(new EdgeKey(nodeId, processNode(listener.pid()), protocol, port), EdgeKind.LISTENER)
                        .add(round, listener.state(), DirectionReason.LISTENER);
            }
            for (Map.Entry<String, List<SocketEntry>> entry : byNode.entrySet()) {
                SocketEntry first = entry.getValue().get(0);
                List<Endpoint> bound = entry.getValue().stream().map(SocketEntry::local).distinct()
                        .sorted(Comparator.comparing(Endpoint::toString)).collect(Collectors.toList());
                listenerNodes.add(ListenerNode.of(first.protocol(), first.local().port(), bound));
            }
        }

        private String processNode(long pid) {
            return processIds.idOf(pid);
        }

        List<Node> nodes() {
            List<Node> nodes = new ArrayList<>();
            Map<Long, ProcessNode> used = new HashMap<>();
            for (long pid : processIds.usedPids()) {
                ProcessInfo process = snapshot.process(pid);
                SortedSet<Integer> ports = listeningPorts.getOrDefault(pid, new TreeSet<>());
                nodes.add(nodeCache.process(processIds.idOf(pid), process, classify(process, ports),
                        List.copyOf(ports), used));
            }
            nodeCache.keepProcesses(used);
            nodes.addAll(nodeCache.remotesOf(round));
            nodes.addAll(listenerNodes);
            return nodes;
        }

        private NodeClassification classify(ProcessInfo process, Set<Integer> ports) {
            Set<Integer> readOnly = Collections.unmodifiableSet(ports);
            try {
                NodeClassification classification = classifier.classify(process, readOnly);
                if (classification != null) {
                    return classification;
                }
                LOG.log(System.Logger.Level.WARNING, "classifier gave no type for pid " + process.pid()
                        + "; using the default type");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "classifier failed for pid " + process.pid()
                        + "; using the default type", e);
            }
            return NodeClassifier.DEFAULT.classify(process, readOnly);
        }
    }
}
