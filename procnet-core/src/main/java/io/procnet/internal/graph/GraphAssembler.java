package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.Node;
import io.procnet.graph.NodeClassifier;
import io.procnet.internal.host.HostAddresses;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * A drawn listening socket that no connection reached becomes a listener node (one per
     * protocol, port and namespace) attached to its owner; returns each node's bound endpoints.
     */
    private Map<NodeRef, List<Endpoint>> attachUnservedListeners() {
        Map<NodeRef, List<Endpoint>> bound = new HashMap<>();
        for (ListenerTable.Listener listener : listeners.all()) {
            SocketEntry socket = listener.socket;
            if (!listener.visible || !socket.hasOwner() || listener.servedIn(pass)) {
                continue;
            }
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
