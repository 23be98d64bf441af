package io.procnet.model;

/**
 * State of a socket, normalised over the numbering of each OS.
 *
 * <p>UDP sockets have no state machine: collectors report them as {@link #BOUND} when they
 * have no remote address and {@link #ESTABLISHED} when they are connected. The {@code from*}
 * decoders are pure and map codes they do not know to {@link #UNKNOWN}.
 */
public enum SocketState {
    ESTABLISHED,
    SYN_SENT,
    SYN_RECEIVED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    TIME_WAIT,
    CLOSED,
    CLOSE_WAIT,
    LAST_ACK,
    LISTEN,
    CLOSING,
    /** Windows only: the TCB is being deleted. */
    DELETE_TCB,
    /** A bound socket that neither listens nor is connected (unconnected UDP, Linux BOUND_INACTIVE). */
    BOUND,
    UNKNOWN;

    private static final SocketState[] LINUX = {
        UNKNOWN, ESTABLISHED, SYN_SENT, SYN_RECEIVED, FIN_WAIT_1, FIN_WAIT_2, TIME_WAIT, CLOSED,
        CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING, SYN_RECEIVED /* TCP_NEW_SYN_RECV */, BOUND /* TCP_BOUND_INACTIVE */
    };
    private static final SocketState[] WINDOWS_MIB = {
        UNKNOWN, CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2,
        CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT, DELETE_TCB
    };
    private static final SocketState[] BSD = {
        CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING,
        LAST_ACK, FIN_WAIT_2, TIME_WAIT
    };

    /** The state of a UDP socket, which has no state machine: {@code BOUND} without a peer, else {@code ESTABLISHED}. */
    public static SocketState forUdp(Endpoint remote) {
        return remote == null || remote.isUnspecified() ? BOUND : ESTABLISHED;
    }

    /** Decodes a Linux {@code TCP_*} state ({@code include/net/tcp_states.h}, 1..13). */
    public static SocketState fromLinux(int code) {
        return lookup(LINUX, code);
    }

    /** Decodes a Windows {@code MIB_TCP_STATE} value (1..12). */
    public static SocketState fromWindowsMib(int code) {
        return lookup(WINDOWS_MIB, code);
    }

    /** Decodes a BSD/macOS {@code TCPS_*} state ({@code netinet/tcp_fsm.h}, 0..10). */
    public static SocketState fromBsd(int code) {
        return lookup(BSD, code);
    }

    private static SocketState lookup(SocketState[] table, int code) {
        return code >= 0 && code < table.length ? table[code] : UNKNOWN;
    }
}
