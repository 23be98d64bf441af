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
    private final List<DirectionHeuristic> ordered;

    DirectionHeuristics(ListenerTable listeners, FanIn fanIn, ServicePorts servicePorts, PortRange ephemeral) {
        this.ordered = List.of(
                new Listener(listeners),
                new LocalPeer(fanIn),
                new ServicePort(servicePorts),
                new Ephemeral(ephemeral),
                new Guess());
    }

    /** The first heuristic's answer for the connection of {@code self} (see {@link DirectionHeuristic}). */
    Verdict decide(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
        for (DirectionHeuristic heuristic : ordered) {
            Boolean remoteIsServer = heuristic.remoteIsServer(self, peer, remoteIsLocal);
            if (remoteIsServer != null) {
                return Verdict.of(heuristic.reason(), remoteIsServer);
            }
        }
        throw new AssertionError("GUESS always decides");
    }

    /** TRUE when only the remote property holds, FALSE when only the local one does, else null. */
    private static Boolean oneSided(boolean local, boolean remote) {
        return local == remote ? null : remote;
    }

    /** A port that listens on this host is the server's. */
    private static final class Listener implements DirectionHeuristic {
        private final ListenerTable listeners;

        Listener(ListenerTable listeners) {
            this.listeners = listeners;
        }

        @Override
        public DirectionReason reason() {
            return DirectionReason.LISTENER;
        }

        @Override
        public Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            boolean localListens = listeners.accepts(self.protocol(), self.local());
            boolean remoteListens = remoteIsLocal && listeners.accepts(self.protocol(), self.remote());
            return oneSided(localListens, remoteListens);
        }
    }

    /** Both halves on this host: the SYN sender is the client, else the end with more fan-in is the server. */
    private static final class LocalPeer implements DirectionHeuristic {
        private final FanIn fanIn;

        LocalPeer(FanIn fanIn) {
            this.fanIn = fanIn;
        }

        @Override
        public DirectionReason reason() {
            return DirectionReason.LOCAL_PEER;
        }

        @Override
        public Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            if (peer == null || peer == self) {
                return null;
            }
            if (self.state() == SocketState.SYN_SENT || peer.state() == SocketState.SYN_RECEIVED) {
                return Boolean.TRUE;
            }
            if (self.state() == SocketState.SYN_RECEIVED || peer.state() == SocketState.SYN_SENT) {
                return Boolean.FALSE;
            }
            int local = fanIn.connectionsAt(self.protocol(), self.local());
            int remote = fanIn.connectionsAt(self.protocol(), self.remote());
            return local == remote ? null : remote > local;
        }
    }

    /** A known service port is the server's. */
    private static final class ServicePort implements DirectionHeuristic {
        private final ServicePorts servicePorts;

        ServicePort(ServicePorts servicePorts) {
            this.servicePorts = servicePorts;
        }

        @Override
        public DirectionReason reason() {
            return DirectionReason.SERVICE_PORT;
        }

        @Override
        public Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            return oneSided(servicePorts.contains(self.local().port()), servicePorts.contains(self.remote().port()));
        }
    }

    /** An ephemeral port is the client's. */
    private static final class Ephemeral implements DirectionHeuristic {
        private final PortRange ephemeral;

        Ephemeral(PortRange ephemeral) {
            this.ephemeral = ephemeral;
        }

        @Override
        public DirectionReason reason() {
            return DirectionReason.EPHEMERAL;
        }

        @Override
        public Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            // The server is the end whose port is NOT ephemeral.
            return oneSided(!ephemeral.contains(self.local().port()), !ephemeral.contains(self.remote().port()));
        }
    }

    /** The lower port is the server's; equal ports fall to the lower address, so both halves agree. */
    private static final class Guess implements DirectionHeuristic {
        @Override
        public DirectionReason reason() {
            return DirectionReason.GUESS;
        }

        @Override
        public Boolean remoteIsServer(SocketEntry self, SocketEntry peer, boolean remoteIsLocal) {
            Endpoint local = self.local();
            Endpoint remote = self.remote();
            if (local.port() != remote.port()) {
                return remote.port() < local.port();
            }
            return Arrays.compareUnsigned(remote.address().getAddress(), local.address().getAddress()) <= 0;
        }
    }
}
