package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.PortRange;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.Arrays;
import java.util.List;

/** The ordered steps of the design; the first one that can tell decides. */
final class DirectionHeuristics {
    private final FanIn fanIn;
    private final ServicePorts servicePorts;
    private final PortRange ephemeral;
    private final List<Step> ordered = List.of(
            new Step(DirectionReason.LISTENER, this::byListener),
            new Step(DirectionReason.HANDSHAKE, DirectionHeuristics::byHandshake),
            new Step(DirectionReason.NOT_LISTENING, this::byNotListening),
            new Step(DirectionReason.LOCAL_PEER, this::byFanIn),
            new Step(DirectionReason.SERVICE_PORT, this::byServicePort),
            new Step(DirectionReason.EPHEMERAL, this::byEphemeralPort),
            new Step(DirectionReason.GUESS, DirectionHeuristics::byLowerPort));
    private ListenerTable listeners = ListenerTable.empty();
    private long round;

    private record Step(DirectionReason reason, DirectionHeuristic heuristic) {
    }

    DirectionHeuristics(FanIn fanIn, ServicePorts servicePorts, PortRange ephemeral) {
        this.fanIn = fanIn;
        this.servicePorts = servicePorts;
        this.ephemeral = ephemeral;
    }

    /** The listeners and the round that decisions are made in from now on. */
    void use(ListenerTable listeners, long round) {
        this.listeners = listeners;
        this.round = round;
    }

    /** The first step's answer for the connection of {@code self} (see {@link DirectionHeuristic}). */
    Verdict decide(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        for (Step step : ordered) {
            Boolean remoteIsServer = step.heuristic().remoteIsServer(self, peer, remoteIsLocal);
            if (remoteIsServer != null) {
                return Verdict.of(step.reason(), remoteIsServer);
            }
        }
        throw new AssertionError("GUESS always decides");
    }

    /** A port that listens on this host is the server's. */
    private Boolean byListener(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        return oneSided(localListens(self), remoteListens(self, peer, remoteIsLocal));
    }

    /** The end that sent the SYN is the client; the end that received it, the server. */
    private static Boolean byHandshake(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        boolean other = peer != null && peer != self;
        if (self.state() == SocketState.SYN_SENT || other && peer.state() == SocketState.SYN_RECEIVED) {
            return Boolean.TRUE;
        }
        if (self.state() == SocketState.SYN_RECEIVED || other && peer.state() == SocketState.SYN_SENT) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * With a complete socket table, a local TCP end whose port does not listen is the client; a
     * remote end's listeners are unknown, so it counts as one that may listen.
     */
    private Boolean byNotListening(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        if (self.protocol() != Protocol.TCP || !listeners.anyTcpListener()) {
            return null;
        }
        boolean localIsClient = !localListens(self);
        boolean remoteIsClient = remoteIsLocal && !remoteListens(self, peer, true);
        return oneSided(remoteIsClient, localIsClient);
    }

    /** Both halves on this host: the end with more fan-in is the server. */
    private Boolean byFanIn(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        if (peer == null || peer == self) {
            return null;
        }
        int local = fanIn.connectionsAt(self, round);
        int remote = fanIn.connectionsAt(peer, round);
        return local == remote ? null : remote > local;
    }

    /** A known service port is the server's. */
    private Boolean byServicePort(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        return oneSided(servicePorts.contains(self.local().port()), servicePorts.contains(self.remote().port()));
    }

    /** An ephemeral port is the client's, so the server is the end whose port is not ephemeral. */
    private Boolean byEphemeralPort(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        return oneSided(!ephemeral.contains(self.local().port()), !ephemeral.contains(self.remote().port()));
    }

    /** The lower port is the server's; equal ports fall to the lower address, so both halves agree. */
    private static Boolean byLowerPort(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        Endpoint local = self.local();
        Endpoint remote = self.remote();
        if (local.port() != remote.port()) {
            return remote.port() < local.port();
        }
        return Arrays.compareUnsigned(remote.address().getAddress(), local.address().getAddress()) <= 0;
    }

    private boolean localListens(SocketEntry self) {
        return listeners.accepts(self.protocol(), self.local(), Scope.ofLocal(self));
    }

    private boolean remoteListens(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        return remoteIsLocal && listeners.accepts(self.protocol(), self.remote(), Scope.ofRemote(self, peer));
    }

    /** TRUE when only the remote property holds, FALSE when only the local one does, else null. */
    private static Boolean oneSided(boolean local, boolean remote) {
        return local == remote ? null : remote;
    }
}
