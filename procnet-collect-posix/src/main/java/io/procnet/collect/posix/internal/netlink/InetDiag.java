package io.procnet.collect.posix.internal.netlink;

/**
 * Constants and layouts of netlink {@code sock_diag} ({@code linux/netlink.h},
 * {@code linux/sock_diag.h}, {@code linux/inet_diag.h}, {@code linux/tcp.h}), checked with
 * {@code offsetof} on this machine.
 */
final class InetDiag {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int NETLINK_SOCK_DIAG = 4;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;

    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int SOCK_DIAG_BY_FAMILY = 20;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_DUMP = 0x300;

    static final int NLMSG_HDRLEN = 16;
    /** {@code struct inet_diag_req_v2}. */
    static final int REQ_V2_LENGTH = 56;
    /** {@code struct inet_diag_msg}: family 0, state 1, sockid 4 (sport 4, dport 6, src 8, dst 24), uid 64, inode 68. */
    static final int MSG_LENGTH = 72;
    static final int MSG_FAMILY = 0;
    static final int MSG_STATE = 1;
    static final int MSG_SPORT = 4;
    static final int MSG_DPORT = 6;
    static final int MSG_SRC = 8;
    static final int MSG_DST = 24;
    static final int MSG_UID = 64;
    static final int MSG_INODE = 68;

    /**
     * The states asked for: every state but {@code TCP_BOUND_INACTIVE} (13, Linux 6.5+), a socket
     * that is bound but neither listening nor connected. Asking for it makes the kernel walk its
     * bind hash, where every connected socket is too: at 100k sockets that costs about 20 ms per
     * dump, a fifth of the whole, for sockets that are in no connection.
     */
    static final int STATES = ~(1 << 13);

    static final int RTA_HDRLEN = 4;
    static final int INET_DIAG_INFO = 2;

    /** {@code struct tcp_info} fields used; the struct grows with kernel versions, so each is bound-checked. */
    static final int TCPI_RTT = 68;
    static final int TCPI_BYTES_ACKED = 120;
    static final int TCPI_BYTES_RECEIVED = 128;
    static final int TCPI_SEGS_OUT = 136;
    static final int TCPI_SEGS_IN = 140;

    private InetDiag() {
    }

    /** NLMSG_ALIGN and RTA_ALIGN: up to a multiple of 4. */
    static int align(int length) {
        return (length + 3) & ~3;
    }
}
