package io.procnet.model;

import java.util.Objects;

/**
 * One row of the OS socket table. Immutable and thread-safe.
 *
 * <p>A remote endpoint that is the wildcard address with port 0 ({@code 0.0.0.0:0},
 * {@code [::]:0}, {@code *:*}), as tables report for listeners and unconnected UDP sockets, is
 * normalised to {@code null}, so that "has a peer" is simply {@code remote() != null}.
 *
 * @param protocol TCP or UDP
 * @param local    local address and port
 * @param remote   peer address and port, or null when the socket has no peer
 * @param state    normalised state
 * @param pid      owning process, or {@link #NO_PID} when no owner could be found
 * @param inode    the OS socket identity (Linux inode), or 0 when the OS has none
 * @param traffic  cumulative counters, or null when the collector does not give them
 * @param namespace the network namespace the socket lives in (Linux: {@code net:[4026532200]}), or
 *                 null for the collector's own; loopback addresses of different namespaces differ
 */
public record SocketEntry(Protocol protocol, Endpoint local, Endpoint remote, SocketState state, long pid,
                          long inode, TrafficCounters traffic, String namespace) {

    /** The pid of a socket whose owner is unknown. */
    public static final long NO_PID = -1;

    public SocketEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(state, "state");
        if (pid < NO_PID) {
            throw new IllegalArgumentException("pid must be >= 0, or -1 when unknown: " + pid);
        }
        if (inode < 0) {
            throw new IllegalArgumentException("inode must not be negative: " + inode);
        }
        if (remote != null && remote.isUnspecified()) {
            remote = null;
        }
    }

    /** A socket of the collector's own network namespace. */
    public SocketEntry(Protocol protocol, Endpoint local, Endpoint remote, SocketState state, long pid, long inode,
                       TrafficCounters traffic) {
        this(protocol, local, remote, state, pid, inode, traffic, null);
    }

    /** The same socket, tagged with a network namespace. */
    public SocketEntry inNamespace(String namespace) {
        return new SocketEntry(protocol, local, remote, state, pid, inode, traffic, namespace);
    }

    /** True when an owning process is known. */
    public boolean hasOwner() {
        return pid != NO_PID;
    }

    /**
     * True for a socket that waits for peers: a TCP socket in {@code LISTEN}, or a UDP socket
     * without a remote address.
     */
    public boolean isListening() {
        return protocol == Protocol.TCP ? state == SocketState.LISTEN : remote == null;
    }
}
