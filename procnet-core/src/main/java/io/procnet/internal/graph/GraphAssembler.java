package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.ProcessNode;
import io.procnet.internal.host.HostAddresses;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of snapshots into graphs, doing per snapshot only the work that its changes
 * call for. In one pass over the snapshot, each socket row is matched to the {@link Connection}
 * it belonged to (see {@link ConnectionTable}), and a connection whose rows did not change adds
 * its standing decision to its edge right away, with its traffic. A connection is decided again,
 * at the end of the pass, when a row of it came, went or changed state or owner (its early
 * addition is taken out again), when its direction came from fan-in, which other connections
 * change, or, for every connection, when the context changed: the listening sockets or the local
 * addresses (a new epoch). Edges and nodes that did not change are the same instances. Not
 * thread-safe.
 */
public final class GraphAssembler {
    private final GraphOptions options;
    private final ServicePorts servicePorts;
    private final ConnectionTable connections = new ConnectionTable(this::markDirty);
    private final EdgeTable edges = new EdgeTable();
    private final NodeRefs nodes = new NodeRefs();
    private final LocalAddresses localAddresses;
    private final ConnectionDecider decider;
    private final NodeBuilder nodeBuilder;
    private final List<Connection> dirty = new ArrayList<>();
    /** The connections whose last decision read fan-in, and those of this round's decisions so far. */
    private List<Connection> fanInReaders = new ArrayList<>();
    private List<Connection> nextFanInReaders = new ArrayList<>();
    private ListenerTable listeners = ListenerTable.empty();
    private long round;
    /** Edges and listeners count the connections of a pass: one per round, two when the epoch changed. */
    private long pass;
    private long epoch;
    private long previousNanos;

    public GraphAssembler(GraphOptions options, NodeClassifier classifier) {
        this(options, classifier, options.hostAddresses() ? HostAddresses.ofThisHost() : HostAddresses.NONE);
    }

    GraphAssembler(GraphOptions options, NodeClassifier classifier, HostAddresses hostAddresses) {
        this.options = options;
        this.nodeBuilder = new NodeBuilder(nodes, classifier);
        this.servicePorts = new ServicePorts(options.extraServicePorts());
        this.localAddresses = new LocalAddresses(options.localAddresses(), hostAddresses);
        DirectionHeuristics heuristics = new DirectionHeuristics(new FanIn(connections), servicePorts,
                options.ephemeralPorts());
        this.decider = new ConnectionDecider(heuristics, localAddresses, nodes, edges, options.p2pOnly());
    }

    /** The graph of {@code snapshot}, numbered {@code version}. */
    public Graph assemble(Snapshot snapshot, long version) {
        round++;
        pass++;
        long nanos = snapshot.monotonicNanos();
        long interval = round == 1 ? 0 : Math.max(0, nanos - previousNanos);
        previousNanos = nanos;
        boolean newEpoch = track(snapshot.sockets(), nanos, interval);
        decider.use(listeners, round);
        if (newEpoch) {
            pass++; // what the pass added under the old context is discarded: every connection is decided again
            List<Connection> all = connections.all();
            for (int i = 0; i < all.size(); i++) {
                decideAndAdd(all.get(i));
            }
        } else {
            for (Connection connection : dirty) {
                decideAndAdd(connection);
            }
            for (Connection connection : fanInReaders) {
                if (connection.dirtyRound != round) {
                    decideAndAdd(connection);
                }
            }
        }
        dirty.clear();
        fanInReaders = nextFanInReaders;
        nextFanInReaders = new ArrayList<>();
        Map<NodeRef, List<Endpoint>> unserved = options.p2pOnly() ? Map.of() : attachUnservedListeners();
        List<Edge> built = edges.build(pass, round);
        List<Node> graphNodes = nodeBuilder.nodes(round, snapshot, listeners, unserved);
        nodes.prune(round, graphNodes.size());
        return GraphAccess.trusted(version, snapshot.takenAt(), snapshot.collectorId(), graphNodes, built,
                snapshot.issues());
    }

    /**
     * The id of the edge that each of {@code sockets}, the sockets of the snapshot last assembled
     * in their order, counts in, or null where it counts in none; node ids of the assembled graph
     * are renamed by {@code foldedInto} (a folded member's group), others kept. A connected socket
     * counts in its connection's edge (both halves, and every row that repeats one); a listening
     * socket in its listener edge, where it draws one. Reads what the last round left, and costs
     * nothing until asked; {@code sockets} must be that snapshot's, which the caller checks.
     */
    public String[] edgeIdsOf(List<SocketEntry> sockets, Map<String, String> foldedInto) {
        String[] ids = new String[sockets.size()];
        List<SocketEntry> listening = new ArrayList<>();
        List<Integer> listeningAt = new ArrayList<>();
        Map<EdgeAccumulator, String> named = new IdentityHashMap<>();
        int tracked = 0;
        for (int i = 0; i < sockets.size(); i++) {
            SocketEntry socket = sockets.get(i);
            if (socket.protocol() == Protocol.UDP && !options.includeUdp()) {
                continue;
            }
            if (socket.remote() != null) {
                Connection connection = connections.lastRoundRow(tracked++).connection;
                EdgeAccumulator edge = connection.edge;
                if (connection.replayedPass == pass && edge != null) {
                    ids[i] = foldedInto.isEmpty() ? edge.id() : named.computeIfAbsent(edge, e -> edgeId(
                            e.key().protocol(), e.key().from().id, e.key().to().id, e.key().serverPort(), foldedInto));
                }
            } else if (socket.isListening()) {
                listening.add(socket);
                listeningAt.add(i);
            }
        }
        if (options.p2pOnly()) {
            return ids; // no listener edges
        }
        ListenerTable.Listener[] matched = listeners.matching(listening);
        for (int j = 0; j < matched.length; j++) {
            if (drawsListenerEdge(matched[j])) {
                SocketEntry socket = matched[j].socket;
                int port = socket.local().port();
                ids[listeningAt.get(j)] = edgeId(socket.protocol(),
                        ListenerNode.idOf(socket.protocol(), port, socket.namespace()),
                        ProcessNode.idOf(socket.pid()), port, foldedInto);
            }
        }
        return ids;
    }

    private static String edgeId(Protocol protocol, String from, String to, int serverPort,
                                 Map<String, String> foldedInto) {
        return Edge.idOf(protocol, foldedInto.getOrDefault(from, from), foldedInto.getOrDefault(to, to), serverPort);
    }

    /**
     * Matches every connected socket to its row, adding the connections whose decision stands to
     * their edges; notes the bound addresses and gathers the listening sockets. Returns whether the
     * context changed: the listeners or the local addresses.
     */
    private boolean track(List<SocketEntry> sockets, long nanos, long interval) {
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
                Row row = connections.track(socket, round, nanos, interval);
                addIfStanding(row.connection, row);
            } else if (socket.isListening()) {
                listening.add(socket);
            }
        }
        connections.endTracking(round);
        boolean addressesChanged = localAddresses.end();
        if (!listeners.sameRows(listening)) {
            listeners = new ListenerTable(listening, this::serves);
            epoch++;
            return true;
        }
        if (addressesChanged) {
            epoch++;
            return true;
        }
        return false;
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

    /**
     * A row of {@code connection} was seen unchanged: when its decision stands, the connection is
     * added to its edge at its first row, and its traffic at its metered row.
     */
    private void addIfStanding(Connection connection, Row row) {
        if (connection.dirtyRound == round || connection.decidedEpoch != epoch || connection.readsFanIn) {
            return;
        }
        if (connection.replayedPass != pass) {
            addDecision(connection);
        }
        if (connection.metered == row) {
            addRates(connection);
        }
    }

    /** The connection must be decided again at the end of the round: what it added in this pass is taken out. */
    private void markDirty(Connection connection) {
        if (connection.dirtyRound == round) {
            return;
        }
        connection.dirtyRound = round;
        dirty.add(connection);
        if (connection.replayedPass == pass && connection.edge != null) {
            connection.edge.remove(connection.state, connection.reason);
            if (connection.ratesAdded) {
                connection.edge.removeRates(connection.addedToServer, connection.addedToClient);
            }
            for (ListenerTable.Listener listener : connection.serves) {
                listener.unserve();
            }
        }
        connection.replayedPass = -1;
    }

    /** Decides a connection of this round afresh and adds it to its edge, with its traffic. */
    private void decideAndAdd(Connection connection) {
        if (!connection.presentIn(round)) {
            connection.clearDecision();
            return;
        }
        decider.decide(connection);
        connection.decidedEpoch = epoch;
        if (connection.readsFanIn) {
            nextFanInReaders.add(connection);
        }
        addDecision(connection);
        if (connection.metered != null && connection.metered.seenIn(round)) {
            addRates(connection);
        }
    }

    private void addDecision(Connection connection) {
        connection.replayedPass = pass;
        connection.ratesAdded = false;
        EdgeAccumulator edge = connection.edge;
        if (edge == null) {
            return;
        }
        edge.add(pass, connection.state, connection.reason);
        for (ListenerTable.Listener listener : connection.serves) {
            listener.serve(pass);
        }
    }

    /** Adds the traffic of the connection's metered row, when it has rates this round. */
    private void addRates(Connection connection) {
        Row metered = connection.metered;
        if (connection.edge == null || !metered.rated) {
            return;
        }
        boolean forward = connection.meteredSendsToServer;
        connection.addedToServer = Math.round((forward ? metered.sentPerSecond : metered.receivedPerSecond) * 1000);
        connection.addedToClient = Math.round((forward ? metered.receivedPerSecond : metered.sentPerSecond) * 1000);
        connection.ratesAdded = true;
        connection.edge.addRates(connection.addedToServer, connection.addedToClient);
    }

    /** Whether a listening socket draws a listener edge this pass: drawn, owned, and reached by no connection. */
    private boolean drawsListenerEdge(ListenerTable.Listener listener) {
        return listener.visible && listener.socket.hasOwner() && !listener.servedIn(pass);
    }

    /**
     * A drawn listening socket that no connection reached becomes a listener node (one per
     * protocol, port and namespace) attached to its owner; returns each node's bound endpoints.
     */
    private Map<NodeRef, List<Endpoint>> attachUnservedListeners() {
        Map<NodeRef, List<Endpoint>> bound = new HashMap<>();
        for (ListenerTable.Listener listener : listeners.all()) {
            if (!drawsListenerEdge(listener)) {
                continue;
            }
            SocketEntry socket = listener.socket;
            Protocol protocol = socket.protocol();
            int port = socket.local().port();
            NodeRef node = nodes.listener(protocol, port, socket.namespace());
            edges.get(new EdgeKey(node, nodes.process(socket.pid()), protocol, port), EdgeKind.LISTENER)
                    .add(pass, socket.state(), DirectionReason.LISTENER);
            List<Endpoint> endpoints = bound.computeIfAbsent(node, ref -> new ArrayList<>(2));
            if (!endpoints.contains(socket.local())) {
                endpoints.add(socket.local());
            }
        }
        return bound;
    }
}
