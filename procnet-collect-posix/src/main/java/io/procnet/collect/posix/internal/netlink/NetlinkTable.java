package io.procnet.collect.posix.internal.netlink;

import static io.procnet.collect.posix.internal.netlink.InetDiag.*;

import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.collect.posix.internal.linux.SocketTable;
import io.procnet.collect.posix.internal.linux.TableRead;
import io.procnet.collect.posix.internal.linux.TableReadBuilder;
import io.procnet.model.Protocol;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import java.io.IOException;
import java.util.List;

/**
 * The socket tables by netlink {@code inet_diag} dumps: TCP and UDP, IPv4 and IPv6 (whose dump
 * also holds the v4-mapped sockets), with {@code tcp_info} counters when asked. Not thread-safe.
 */
public final class NetlinkTable implements SocketTable {
    private final CollectorOptions options;
    private final String namespaceFile;
    private final InetDiagCodec codec = new InetDiagCodec();
    private NetlinkSocket socket;

    /** The tables of our own network namespace. */
    public NetlinkTable(CollectorOptions options) {
        this(options, null);
    }

    /** The tables of the network namespace {@code namespaceFile} ({@code /proc/<pid>/ns/net}), or our own when null. */
    public NetlinkTable(CollectorOptions options, String namespaceFile) {
        this.options = options;
        this.namespaceFile = namespaceFile;
    }

    @Override
    public TableRead read() throws CollectorException {
        TableReadBuilder read = new TableReadBuilder();
        for (Protocol protocol : Protocol.values()) {
            if (!options.includes(protocol)) {
                continue;
            }
            for (int family : new int[] {AF_INET, AF_INET6}) {
                try {
                    DumpResult result = dump(protocol, family, read.rows());
                    if (result.errno != 0) {
                        read.partFailed(describe(protocol, family) + " sockets could not be read: the kernel answered"
                                + " errno " + result.errno
                                + (result.errno == 2 ? " (is the " + protocol.id() + "_diag module loaded?)" : ""));
                    } else {
                        read.partRead(result.malformed);
                    }
                } catch (IOException e) {
                    read.partFailed(describe(protocol, family) + " sockets could not be read: " + e.getMessage());
                }
            }
        }
        return read.build("no netlink socket dump succeeded", "netlink messages");
    }

    private static final class DumpResult {
        int malformed;
        int errno;
    }

    private DumpResult dump(Protocol protocol, int family, List<RawSocket> rows) throws IOException {
        if (socket == null) {
            socket = namespaceFile == null ? new NetlinkSocket() : NetlinkSocket.openIn(namespaceFile);
        }
        DumpResult result = new DumpResult();
        int ipProtocol = protocol == Protocol.TCP ? IPPROTO_TCP : IPPROTO_UDP;
        boolean tcpInfo = protocol == Protocol.TCP && options.trafficCounters();
        boolean completed = false;
        try {
            socket.dump(family, ipProtocol, tcpInfo, (datagram, length, sequence) -> {
                InetDiagCodec.Decoded decoded = codec.decode(datagram, length, protocol, sequence, rows);
                result.malformed += decoded.malformed;
                if (decoded.status == InetDiagCodec.Status.ERROR) {
                    result.errno = decoded.errno;
                }
                return decoded.status == InetDiagCodec.Status.MORE;
            });
            completed = true;
        } finally {
            if (!completed) {
                closeSocket(); // a dump that failed may leave datagrams behind: the next one starts afresh
            }
        }
        return result;
    }

    private static String describe(Protocol protocol, int family) {
        return protocol.id().toUpperCase(java.util.Locale.ROOT) + (family == AF_INET ? "/IPv4" : "/IPv6");
    }

    private void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
    }
}
