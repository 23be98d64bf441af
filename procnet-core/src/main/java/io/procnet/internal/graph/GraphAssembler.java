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
import io.procnet.internal.host.HostAddresses;
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a stream of snapshots into graphs, doing per snapshot only the work that its changes
 * call for. Each socket row is matched to the {@link Connection} it belonged to in the previous
 * snapshot (one primitive lookup by inode); a connection whose rows did not change keeps its
 * decision and is only replayed into its edge, with its traffic. A connection is decided again
 * when a row of it came, went or changed state or owner, when the context changed (the listening
 * sockets, or the local addresses: the epoch), or when its direction came from fan-in, which
 * other connections change. Edges and nodes that did not change are the same instances. Not
 * thread-safe.
 */
public final class GraphAssembler {
    private static final System.Logger LOG = System.getLogger(GraphAssembler.class.getName());
    private static final Comparator<Endpoint> BY_TEXT = Comparator.comparing(Endpoint::toString);

    private final GraphOptions options;
    private final NodeClassifier classifier;
    private final ServicePorts servicePorts;
    private final ConnectionTable connections = new ConnectionTable();
    private final EdgeTable edges = new EdgeTable();
    private final NodeRefs nodes = new NodeRefs();
    private final LocalAddresses localAddresses;
    private final ConnectionDecider decider;
    private final ProcessGroups groups = new ProcessGroups();
    private ListenerTable listeners = ListenerTable.empty();
    private long round;
    private long epoch;
    private long previousNanos;

    public GraphAssembler(GraphOptions options, NodeClassifier classifier) {
        this(options, classifier, options.hostAddresses() ? HostAddresses.ofThisHost() : HostAddresses.NONE);
    }

    GraphAssembler(GraphOptions options, NodeClassifier classifier, HostAddresses hostAddresses) {
        this.options = options;
        this.classifier = classifier;
        this.servicePorts = new ServicePorts(options.extraServicePorts());
        this.localAddresses = new LocalAddresses(options.localAddresses(), hostAddresses);
        DirectionHeuristics heuristics = new DirectionHeuristics(new FanIn(connections), servicePorts,
                options.ephemeralPorts());
        this.decider = new ConnectionDecider(heuristics, localAddresses, nodes, edges, options.p2pOnly());
    }

    /** The graph of {@code snapshot}, numbered {@code version}. */
    public Graph assemble(Snapshot snapshot, long version) {
        round++;
        long nanos = snapshot.monotonicNanos();
        long interval = round == 1 ? 0 : Math.max(0, nanos - previousNanos);
        previousNanos = nanos;
        track(snapshot.sockets(), nanos, interval);
        decider.use(listeners, round);
        connections.walk(round, this::replay);
        Map<NodeRef, List<Endpoint>> unserved = options.p2pOnly() ? Map.of() : attachUnservedListeners();
        List<Edge> built = edges.build(round);
        groups.use(snapshot.processes());
        List<Node> graphNodes = nodes(snapshot, unserved);
        nodes.prune(round, graphNodes.size());
        return GraphAccess.trusted(version, snapshot.takenAt(), snapshot.collectorId(), graphNodes, built,
                snapshot.issues());
    }

    /**
     * Matches every connected socket to its row, notes the bound addresses, and gathers the
     * listening sockets; a change of the listeners or of the local addresses starts a new epoch.
     */
    private void track(List<SocketEntry> sockets, long nanos, long interval) {
        localAddresses.begin();
        List<SocketEntry> listening = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) { // indexed: no iterator per snapshot of 100k
            SocketEntry socket = sockets.get(i);
            if (socket.protocol() == Protocol.UDP && !options.includeUdp()) {
                continue;
            }
            if (!socket.local().isWildcard()) {
                localAddresses.noteBound(socket.local().address());
            }
            if (socket.remote() != null) {
                connections.track(socket, round, nanos, interval);
            } else if (socket.isListening()) {
                listening.add(socket);
            }
        }
        connections.endTracking();
        boolean addressesChanged = localAddresses.end();
        if (!listeners.sameRows(listening)) {
            listeners = new ListenerTable(listening, this::serves);
            epoch++;
        } else if (addressesChanged) {
            epoch++;
        }
    }

    /**
     * Whether a listening socket is drawn: every TCP listener; a UDP socket without a peer only
     * when it serves, on a known service port or a port outside the ephemeral range (DNS on 53, a
     * game server), not a client that sends from an ephemeral port with {@code sendto}.
     */
    private boolean serves(SocketEntry listener) {
        int port = listener.local().port();
        return listener.protocol() == Protocol.TCP
                || port != 0 && (servicePorts.contains(port) || !options.ephemeralPorts().contains(port));
    }

    /** Adds a connection of this round to its edge, deciding it first when its decision does not stand. */
    private void replay(Connection connection) {
        if (connection.dirty || connection.decidedEpoch != epoch || connection.readsFanIn) {
            decider.decide(connection);
            connection.decidedEpoch = epoch;
        }
        EdgeAccumulator edge = connection.edge;
        if (edge == null) {
            return;
        }
        edge.add(round, connection.state, connection.reason);
        Row metered = connection.metered;
        if (metered != null && metered.rated && metered.seenIn(round)) {
            boolean forward = connection.meteredSendsToServer;
            edge.addRates(forward ? metered.sentPerSecond : metered.receivedPerSecond,
                    forward ? metered.receivedPerSecond : metered.sentPerSecond);
        }
        for (ListenerTable.Listener listener : connection.serves) {
            listener.servedRound = round;
        }
    }

    /**
     * A drawn listening socket that no connection reached becomes a listener node (one per
     * protocol, port and namespace) attached to its owner; returns each node's bound endpoints.
     */
    private Map<NodeRef, List<Endpoint>> attachUnservedListeners() {
        Map<NodeRef, List<Endpoint>> bound = new HashMap<>();
        for (ListenerTable.Listener listener : listeners.all()) {
            SocketEntry socket = listener.socket;
            if (!listener.visible || !socket.hasOwner() || listener.servedRound == round) {
                continue;
            }
            Protocol protocol = socket.protocol();
            int port = socket.local().port();
            NodeRef node = nodes.listener(protocol, port, socket.namespace());
            edges.get(new EdgeKey(node, nodes.process(socket.pid()), protocol, port), EdgeKind.LISTENER)
                    .add(round, socket.state(), DirectionReason.LISTENER);
            List<Endpoint> endpoints = bound.computeIfAbsent(node, ref -> new ArrayList<>(2));
            if (!endpoints.contains(socket.local())) {
                endpoints.add(socket.local());
            }
        }
        return bound;
    }

    /** The nodes the edges of this round use, in id order. */
    private List<Node> nodes(Snapshot snapshot, Map<NodeRef, List<Endpoint>> unserved) {
        List<Node> used = new ArrayList<>();
        for (Iterator<NodeRef> refs = nodes.sorted().iterator(); refs.hasNext(); ) {
            NodeRef ref = refs.next();
            if (ref.usedRound != round) {
                continue;
            }
            ref.node = switch (ref.kind) {
                case PROCESS -> processNode(ref, snapshot.process(ref.pid));
                case LISTENER -> listenerNode(ref, unserved.get(ref));
                default -> ref.node; // a remote node never changes
            };
            used.add(ref.node);
        }
        return used;
    }

    private ProcessNode processNode(NodeRef ref, ProcessInfo process) {
        Set<Integer> ports = listeners.portsOf(process.pid());
        NodeClassification classification = classify(process, ports);
        String group = groups.groupOf(process);
        ProcessNode previous = (ProcessNode) ref.node;
        boolean same = previous != null && previous.process().equals(process)
                && previous.label().equals(classification.label()) && previous.type().equals(classification.type())
                && previous.group().equals(group) && sameElements(previous.listeningPorts(), ports);
        return same ? previous
                : new ProcessNode(ref.id, classification.label(), classification.type(), process, List.copyOf(ports),
                        group);
    }

    private static ListenerNode listenerNode(NodeRef ref, List<Endpoint> bound) {
        bound.sort(BY_TEXT);
        ListenerNode previous = (ListenerNode) ref.node;
        return previous != null && previous.bound().equals(bound) ? previous
                : ListenerNode.of(ref.protocol, ref.port, ref.namespace, bound);
    }

    private static boolean sameElements(List<Integer> list, Set<Integer> set) {
        if (list.size() != set.size()) {
            return false;
        }
        Iterator<Integer> inSet = set.iterator();
        for (Integer port : list) {
            if (!port.equals(inSet.next())) {
                return false;
            }
        }
        return true;
    }

    private NodeClassification classify(ProcessInfo process, Set<Integer> ports) {
        try {
            NodeClassification classification = classifier.classify(process, ports);
            if (classification != null) {
                return classification;
            }
            LOG.log(System.Logger.Level.WARNING, "classifier gave no type for pid " + process.pid()
                    + "; using the default type");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "classifier failed for pid " + process.pid()
                    + "; using the default type", e);
        }
        return NodeClassifier.DEFAULT.classify(process, ports);
    }
}
