package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.EdgeKind;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;

/**
 * Decides what a connection draws: which of its rows stand for its halves, who owns each half,
 * which end serves, and the edge it adds to. Decisions are pure functions of the connection's rows
 * and the round's context (listeners, local addresses, and fan-in where that decides), so a
 * decision stands while those do not change. Not thread-safe.
 */
final class ConnectionDecider {
    private final DirectionHeuristics heuristics;
    private final LocalAddresses localAddresses;
    private final NodeRefs nodes;
    private final EdgeTable edges;
    private final boolean p2pOnly;
    private ListenerTable listeners = ListenerTable.empty();
    private long round;

    ConnectionDecider(DirectionHeuristics heuristics, LocalAddresses localAddresses, NodeRefs nodes, EdgeTable edges,
                      boolean p2pOnly) {
        this.heuristics = heuristics;
        this.localAddresses = localAddresses;
        this.nodes = nodes;
        this.edges = edges;
        this.p2pOnly = p2pOnly;
    }

    /** The listeners and the round that decisions are made in from now on. */
    void use(ListenerTable listeners, long round) {
        this.listeners = listeners;
        this.round = round;
        heuristics.use(listeners, round);
    }

    /**
     * Decides {@code connection} afresh from its rows of this round. Of several rows of one half
     * (a socket shared after fork, a collector that lists every holder), one stands for it: the
     * connection counts once, and its traffic once.
     */
    void decide(Connection connection) {
        connection.clearDecision();
        Row low = null;
        Row high = null;
        SocketEntry lowEntry = null;
        SocketEntry highEntry = null;
        for (int i = 0; i < connection.rowCount(); i++) {
            Row row = connection.row(i);
            if (!row.seenIn(round)) {
                continue;
            }
            SocketEntry entry = row.entry();
            if (connection.key.isLowHalf(entry)) {
                if (low == null || Connection.preferred(entry, lowEntry)) {
                    low = row;
                    lowEntry = entry;
                }
            } else if (high == null || Connection.preferred(entry, highEntry)) {
                high = row;
                highEntry = entry;
            }
        }
        if (low == null && high == null) {
            return; // not in this snapshot
        }
        Row selfRow = low != null ? low : high;
        Row peerRow = low != null ? high : null;
        SocketEntry self = low != null ? lowEntry : highEntry;
        SocketEntry peer = low != null ? highEntry : null;
        boolean remoteIsLocal = true;
        if (peerRow == null) {
            if (self.local().equals(self.remote())) {
                peerRow = selfRow; // connected to itself
            } else {
                remoteIsLocal = localAddresses.isLocal(self.remote().address());
            }
        }
        self = ownedByListener(self);
        peer = peerRow == null ? null : peerRow == selfRow ? self : ownedByListener(peer);
        if (!self.hasOwner()) {
            if (peer == null || peer == self || !peer.hasOwner()) {
                return; // nobody to draw: the collector counts unowned sockets in its issues
            }
            SocketEntry swapped = self;
            self = peer;
            peer = swapped;
            Row swappedRow = selfRow;
            selfRow = peerRow;
            peerRow = swappedRow;
        }
        Verdict verdict = heuristics.decide(self, peer, remoteIsLocal);
        connection.readsFanIn = peer != null && peer != self
                && verdict.reason().compareTo(DirectionReason.LOCAL_PEER) >= 0;
        attach(connection, selfRow, self, peerRow, peer, remoteIsLocal, verdict);
    }

    /**
     * A TCP half that no process holds but a listener accepts (a connection still in the accept
     * queue, a {@code SYN_RECV} row) belongs to the owner of that listener. {@code TIME_WAIT}
     * halves stay unowned: no process holds them any more.
     */
    private SocketEntry ownedByListener(SocketEntry half) {
        if (half.hasOwner() || half.protocol() != Protocol.TCP || half.state() == SocketState.TIME_WAIT) {
            return half;
        }
        long owner = listeners.ownerAccepting(half.protocol(), half.local(), Scope.ofLocal(half));
        return owner == SocketEntry.NO_PID ? half
                : new SocketEntry(half.protocol(), half.local(), half.remote(), half.state(), owner, half.inode(),
                        half.traffic(), half.namespace());
    }

    private void attach(Connection connection, Row selfRow, SocketEntry self, Row peerRow, SocketEntry peer,
                        boolean remoteIsLocal, Verdict verdict) {
        boolean remoteIsServer = verdict.remoteIsServer();
        long otherPid = SocketEntry.NO_PID;
        if (peer != null && peer.hasOwner()) {
            otherPid = peer.pid();
        } else if (remoteIsServer && remoteIsLocal) {
            // The serving half is not in the table (other namespace, filtered): the listener's owner serves.
            otherPid = listeners.ownerAccepting(self.protocol(), self.remote(), Scope.ofRemote(self, peer));
        }
        if (otherPid == SocketEntry.NO_PID && p2pOnly) {
            return;
        }
        NodeRef selfNode = nodes.process(self.pid());
        NodeRef otherNode = otherPid != SocketEntry.NO_PID ? nodes.process(otherPid)
                : nodes.remote(self.remote().address(), remoteNamespace(self, peer));

        Protocol protocol = self.protocol();
        int serverPort = remoteIsServer ? self.remote().port() : self.local().port();
        long serverPid = remoteIsServer ? otherPid : self.pid();
        if (verdict.reason() == DirectionReason.LISTENER) {
            connection.serves = listeners.servedBy(protocol, remoteIsServer ? self.remote() : self.local(),
                    remoteIsServer ? Scope.ofRemote(self, peer) : Scope.ofLocal(self), serverPid);
        }
        EdgeKey key = remoteIsServer
                ? new EdgeKey(selfNode, otherNode, protocol, serverPort)
                : new EdgeKey(otherNode, selfNode, protocol, serverPort);
        connection.edge = edges.get(key, EdgeKind.CONNECTION);
        connection.reason = verdict.reason();

        Row clientRow = remoteIsServer ? selfRow : peerRow;
        Row serverRow = remoteIsServer ? peerRow : selfRow;
        connection.state = (remoteIsServer || peer == null ? self : peer).state();
        boolean clientMetered = clientRow != null && clientRow.hasCounters();
        connection.metered = clientMetered ? clientRow : serverRow != null && serverRow.hasCounters() ? serverRow : null;
        connection.meteredSendsToServer = clientMetered;
    }

    /**
     * The namespace of a remote node: a loopback address is one per namespace, the peer's where
     * the peer is known, else the socket's own; any other address is one in the world.
     */
    private static String remoteNamespace(SocketEntry self, SocketEntry peer) {
        if (!self.remote().address().isLoopbackAddress()) {
            return null;
        }
        return peer != null ? peer.namespace() : self.namespace();
    }
}
