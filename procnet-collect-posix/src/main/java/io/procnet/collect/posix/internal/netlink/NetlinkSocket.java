package io.procnet.collect.posix.internal.netlink;

import static io.procnet.collect.posix.internal.netlink.InetDiag.*;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.procnet.collect.posix.internal.linux.LibC;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@code NETLINK_SOCK_DIAG} socket: the thin shell around the syscalls. Sends a request and
 * hands each reply datagram, as a view of one reused native buffer, to a callback. Not
 * thread-safe.
 */
final class NetlinkSocket implements AutoCloseable {
    /**
     * Receive buffer. The kernel sizes dump datagrams to at most about 32 KiB, so 64 KiB does not
     * truncate; MSG_TRUNC makes recv report the real size, so a truncation would still show.
     */
    static final int BUFFER_BYTES = 64 * 1024;
    /** A dump that sends more datagrams than this is broken; stop instead of looping forever. */
    private static final int MAX_DATAGRAMS = 1_000_000;
    /** recv interrupted by a signal is retried this many times in a row. */
    private static final int MAX_EINTR = 16;

    private final int fd;
    private final Memory buffer = new Memory(BUFFER_BYTES);
    private final Memory request = new Memory(NLMSG_HDRLEN + REQ_V2_LENGTH);
    private final Memory kernel = new Memory(12); // struct sockaddr_nl of the kernel: pid 0, no groups
    private int sequence;

    /** Receives the datagrams of one reply; returns false to stop reading (done or error). */
    interface DatagramHandler {
        boolean handle(ByteBuffer datagram, int length, int sequence) throws IOException;
    }

    NetlinkSocket() throws IOException {
        fd = LibC.socket(AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (fd < 0) {
            throw new IOException("socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed: errno " + Native.getLastError());
        }
        kernel.clear();
        kernel.setShort(0, (short) AF_NETLINK);
    }

    /**
     * A sock_diag socket of the network namespace {@code namespaceFile} ({@code /proc/<pid>/ns/net}):
     * this thread enters the namespace, opens the socket there (a socket stays in the namespace it
     * was made in) and goes back. Needs CAP_SYS_ADMIN.
     */
    static NetlinkSocket openIn(String namespaceFile) throws IOException {
        int home = LibC.open("/proc/thread-self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (home < 0) {
            throw new IOException("cannot open our own network namespace: errno " + Native.getLastError());
        }
        try {
            int target = LibC.open(namespaceFile, LibC.O_RDONLY | LibC.O_CLOEXEC);
            if (target < 0) {
                throw new IOException("cannot open " + namespaceFile + ": errno " + Native.getLastError());
            }
            try {
                if (LibC.setns(target, LibC.CLONE_NEWNET) != 0) {
                    throw new IOException("cannot enter " + namespaceFile + ": errno " + Native.getLastError());
                }
                try {
                    return new NetlinkSocket();
                } finally {
                    if (LibC.setns(home, LibC.CLONE_NEWNET) != 0) {
                        // this thread would keep working in a container's namespace: stop everything
                        throw new IllegalStateException("cannot return to our own network namespace: errno "
                                + Native.getLastError());
                    }
                }
            } finally {
                LibC.close(target);
            }
        } finally {
            LibC.close(home);
        }
    }

    /** Sends a dump request for one family and protocol and feeds every reply datagram to {@code handler}. */
    void dump(int family, int protocol, boolean tcpInfo, DatagramHandler handler) throws IOException {
        ByteBuffer out = request.getByteBuffer(0, request.size());
        InetDiagCodec.encodeRequest(out, ++sequence, family, protocol, tcpInfo);
        NativeLong sent = LibC.sendto(fd, request, new NativeLong(request.size()), 0, kernel, (int) kernel.size());
        if (sent.longValue() < 0) {
            throw new IOException("sendto(netlink) failed: errno " + Native.getLastError());
        }
        ByteBuffer view = buffer.getByteBuffer(0, BUFFER_BYTES);
        int interrupted = 0;
        for (int datagrams = 0; datagrams < MAX_DATAGRAMS; ) {
            long received = LibC.recv(fd, buffer, new NativeLong(BUFFER_BYTES), LibC.MSG_TRUNC).longValue();
            if (received < 0) {
                int errno = Native.getLastError(); // read right after the call
                if (errno == LibC.EINTR && ++interrupted <= MAX_EINTR) {
                    continue;
                }
                throw new IOException("recv(netlink) failed: errno " + errno);
            }
            interrupted = 0;
            datagrams++;
            // A truncated datagram (received > BUFFER_BYTES) is decoded as far as it goes; its
            // cut message counts as malformed.
            if (!handler.handle(view, (int) Math.min(received, BUFFER_BYTES), sequence)) {
                return;
            }
        }
        throw new IOException("netlink dump did not end after " + MAX_DATAGRAMS + " datagrams");
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
