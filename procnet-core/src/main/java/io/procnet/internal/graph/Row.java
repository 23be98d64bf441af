package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;
import java.net.InetAddress;

/**
 * One socket row of a {@link Connection}, followed from snapshot to snapshot: its latest entry
 * and the baseline its byte counters are measured against. The baseline outlives a snapshot or
 * two that miss the row (a namespace that could not be read that round), so that a row that comes
 * back is measured over the time since it was last seen, not taken for a new one.
 *
 * <p>The row keeps what decisions read of its entry (endpoints, namespace, state, owner, whether
 * it has counters) in fields of its own, and no reference to the entry: matching a snapshot's entry
 * to its row reads no older object, and the long-lived rows hold nothing of the short-lived
 * snapshots, which the garbage collector would otherwise have to trace from them.
 */
final class Row {
    final Connection connection;
    /** The inode, or for a socket without one a hash of its half: the key the table finds the row by. */
    final long key;
    private final Protocol protocol;
    private final InetAddress localAddress;
    private final int localPort;
    private final InetAddress remoteAddress;
    private final int remotePort;
    private final String namespace;
    private final long inode;
    private SocketState state;
    private long pid;
    private boolean hasCounters;
    /** The last round the row was in the snapshot. */
    long seenRound;
    /** Where the row came in its last round's snapshot, among the rows. */
    int position;
    /** The table let go of this row: it is no longer its connection's. */
    boolean forgotten;
    /** The row went from the snapshots, and is kept for a few rounds for its baseline. */
    boolean missing;

    private boolean hasBaseline;
    private long baseSent;
    private long baseReceived;
    private long baseNanos;
    /** Whether this round gave rates: the row has counters and an interval to measure over. */
    boolean rated;
    double sentPerSecond;
    double receivedPerSecond;

    Row(Connection connection, SocketEntry socket, long key) {
        this.connection = connection;
        this.key = key;
        this.inode = socket.inode();
        this.protocol = socket.protocol();
        this.localAddress = socket.local().address();
        this.localPort = socket.local().port();
        this.remoteAddress = socket.remote().address();
        this.remotePort = socket.remote().port();
        this.namespace = socket.namespace();
        this.state = socket.state();
        this.pid = socket.pid();
    }

    boolean seenIn(long round) {
        return seenRound == round;
    }

    /**
     * Takes {@code socket} as this row's entry in {@code round}, taken at {@code nanos}, and rates
     * its counters against the baseline; returns whether the state or the owner changed.
     * {@code intervalNanos} is the time since the previous snapshot, 0 for the first: a row without
     * baseline (new, or whose counters went back, a reused inode) opened during the interval, so
     * everything it moved counts over that interval.
     */
    boolean see(SocketEntry socket, long round, long nanos, long intervalNanos) {
        boolean changed = socket.state() != state || socket.pid() != pid;
        this.state = socket.state();
        this.pid = socket.pid();
        this.seenRound = round;
        rated = false;
        TrafficCounters now = socket.traffic();
        hasCounters = now != null;
        if (now == null) {
            return changed;
        }
        if (intervalNanos > 0) {
            boolean continues = hasBaseline && nanos > baseNanos
                    && now.bytesSent() >= baseSent && now.bytesReceived() >= baseReceived;
            long sent = continues ? now.bytesSent() - baseSent : now.bytesSent();
            long received = continues ? now.bytesReceived() - baseReceived : now.bytesReceived();
            double seconds = (continues ? nanos - baseNanos : intervalNanos) / 1e9;
            sentPerSecond = sent / seconds;
            receivedPerSecond = received / seconds;
            rated = true;
        }
        hasBaseline = true;
        baseSent = now.bytesSent();
        baseReceived = now.bytesReceived();
        baseNanos = nanos;
        return changed;
    }

    long pid() {
        return pid;
    }

    long inode() {
        return inode;
    }

    /** Whether the row's latest entry has byte counters. */
    boolean hasCounters() {
        return hasCounters;
    }

    /** The row's latest entry, without its counters: made anew, for decisions, which are rare. */
    SocketEntry entry() {
        return new SocketEntry(protocol, new Endpoint(localAddress, localPort), new Endpoint(remoteAddress, remotePort),
                state, pid, inode, null, namespace);
    }

    /** Whether {@code other} is a row of the same connection half: same protocol, endpoints and namespace. */
    boolean sameHalf(SocketEntry other) {
        return protocol == other.protocol() && same(localAddress, localPort, other.local())
                && same(remoteAddress, remotePort, other.remote())
                && (namespace == null ? other.namespace() == null : namespace.equals(other.namespace()));
    }

    /** Ports first, then addresses by identity (collectors share address instances), then by value. */
    private static boolean same(InetAddress address, int port, Endpoint endpoint) {
        return port == endpoint.port() && (address == endpoint.address() || address.equals(endpoint.address()));
    }
}
