package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.PortRange;
import io.procnet.model.Endpoint;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.Arrays;
import java.util.List;

/** The ordered heuristics of the design; the first one that can tell decides. */
final class DirectionHeuristics {
    private final ListenerTable listeners;
    private final FanIn fanIn;
    private final ServicePorts servicePorts;
    private final PortRange ephemeral;
    private final List<Step> ordered = List.of(
            new Step(DirectionReason.LISTENER, this::byListener),
            new Step(DirectionReason.LOCAL_PEER, this::byLocalPeer),
            new Step(DirectionReason.SERVICE_PORT, this::byServicePort),
            new Step(DirectionReason.EPHEMERAL, this::byEphemeralPort),
            new Step(DirectionReason.GUESS, DirectionHeuristics::byLowerPort));

    private record Step(DirectionReason reason, DirectionHeuristic heuristic) {
    }

    DirectionHeuristics(ListenerTable listeners, FanIn fanIn, ServicePorts servicePorts, PortRange ephemeral) {
        this.listeners = listeners;
        this.fanIn = fanIn;
        this.servicePorts = servicePorts;
        this.ephemeral = ephemeral;
    }

    /** The first heuristic's answer for the connection of {@code self} (see {@link DirectionHeuristic}). */
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
        boolean localListens = listeners.accepts(self.protocol(), self.local(), Scope.ofLocal(self));
        boolean remoteListens = remoteIsLocal
                && listeners.accepts(self.protocol(), self.remote(), Scope.ofRemote(self, peer));
        return oneSided(localListens, remoteListens);
    }

    /** Both halves on this host: the SYN sender is the client, else the end with more fan-in is the server. */
    private Boolean byLocalPeer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        if (peer == null || peer == self) {
            return null;
        }
        if (self.state() == SocketState.SYN_SENT || peer.state() == SocketState.SYN_RECEIVED) {
            return Boolean.TRUE;
        }
        if (self.state() == SocketState.SYN_RECEIVED || peer.state() == SocketState.SYN_SENT) {
            return Boolean.FALSE;
        }
        int local = fanIn.connectionsAt(self);
        int remote = fanIn.connectionsAt(peer);
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

    /** TRUE when only the remote property holds, FALSE when only the local one does, else null. */
    private static Boolean oneSided(boolean local, boolean remote) {
        return local == remote ? null : remote;
    }
}
