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
 * @param uid   the owning user id
 * @param inode the socket inode, 0 for sockets no file refers to (TIME_WAIT, accept queue)
 */
public record RawSocket(Protocol protocol, Endpoint local, Endpoint remote, SocketState state, long uid, long inode,
                        TrafficCounters traffic) {

    /** The row with its owner. */
    public SocketEntry withOwner(long pid) {
        return new SocketEntry(protocol, local, remote, state, pid, inode, traffic);
    }

    /**
     * The state of a Linux row: TCP codes as {@link SocketState#fromLinux}; UDP has no state
     * machine, so it is {@code BOUND} without a peer and {@code ESTABLISHED} with one.
     */
    public static SocketState state(Protocol protocol, int linuxCode, Endpoint remote) {
        if (protocol == Protocol.UDP) {
            return remote == null || remote.isWildcard() && remote.port() == 0
                    ? SocketState.BOUND : SocketState.ESTABLISHED;
        }
        return SocketState.fromLinux(linuxCode);
    }
}
