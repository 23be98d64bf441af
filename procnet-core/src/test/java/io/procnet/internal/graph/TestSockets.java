package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;

/** Compact socket rows for the engine's own tests: endpoints are written {@code 1.2.3.4:80} or {@code [::1]:80}. */
final class TestSockets {
    private TestSockets() {
    }

    static Endpoint ep(String text) {
        int colon = text.lastIndexOf(':');
        return new Endpoint(InetAddresses.parseLiteral(text.substring(0, colon)),
                Integer.parseInt(text.substring(colon + 1)));
    }

    static SocketEntry tcp(long pid, String local, String remote, SocketState state, long inode) {
        return new SocketEntry(Protocol.TCP, ep(local), ep(remote), state, pid, inode, null);
    }

    static SocketEntry est(long pid, String local, String remote) {
        return tcp(pid, local, remote, SocketState.ESTABLISHED, 0);
    }

    static SocketEntry est(long pid, String local, String remote, long inode) {
        return tcp(pid, local, remote, SocketState.ESTABLISHED, inode);
    }

    static SocketEntry metered(long pid, String local, String remote, long sent, long received) {
        return new SocketEntry(Protocol.TCP, ep(local), ep(remote), SocketState.ESTABLISHED, pid, 0,
                TrafficCounters.ofBytes(sent, received));
    }

    static SocketEntry listen(long pid, String local) {
        return new SocketEntry(Protocol.TCP, ep(local), null, SocketState.LISTEN, pid, 0, null);
    }

    static SocketEntry udp(long pid, String local) {
        return new SocketEntry(Protocol.UDP, ep(local), null, SocketState.BOUND, pid, 0, null);
    }
}
