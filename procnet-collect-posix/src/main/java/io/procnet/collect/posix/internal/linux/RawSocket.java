package io.procnet.collect.posix.internal.linux;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;

/**
 * One row of a Linux socket table before its owner is known: what netlink and
 * {@code /proc/net/*} both give.
 *
 * @param uid       the owning user id
 * @param inode     the socket inode, 0 for sockets no file refers to (TIME_WAIT, accept queue)
 * @param namespace the network namespace, null for the collector's own
 */
public record RawSocket(Protocol protocol, Endpoint local, Endpoint remote, SocketState state, long uid, long inode,
                        TrafficCounters traffic, String namespace) {

    /**
     * A row from a Linux table: an unspecified remote ({@code 0.0.0.0:0}) means no peer, and the
     * state code is read per protocol (UDP has no state machine).
     */
    public static RawSocket of(Protocol protocol, Endpoint local, Endpoint remote, int linuxState, long uid,
                               long inode, TrafficCounters traffic) {
        Endpoint peer = remote == null || remote.isUnspecified() ? null : remote;
        SocketState state = protocol == Protocol.UDP ? SocketState.forUdp(peer) : SocketState.fromLinux(linuxState);
        return new RawSocket(protocol, local, peer, state, uid, inode, traffic, null);
    }

    /** The same row, in another network namespace. */
    public RawSocket inNamespace(String namespace) {
        return new RawSocket(protocol, local, remote, state, uid, inode, traffic, namespace);
    }

    /** The row with its owner. */
    public SocketEntry withOwner(long pid) {
        return new SocketEntry(protocol, local, remote, state, pid, inode, traffic, namespace);
    }
}
